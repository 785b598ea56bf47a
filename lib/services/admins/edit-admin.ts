import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, pgErrorCode } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import { AppError, badInput } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import type { SessionAdmin } from "@/lib/auth/session";
import { RESERVED_ADMIN_NAME, type EditAdminInput } from "@/lib/validation/admin";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { assertSuperAdminRemains, lockAdminsFor } from "./admin-guards";

/**
 * Edits an admin BY ID (the legacy matched the submitted username: an account takeover). A super admin may edit
 * anyone; an admin may edit their own row but never their own privilege. An empty password keeps the current one; a
 * new password bumps sessionVersion, which ends that admin's sessions.
 */
export async function editAdmin(actor: SessionAdmin | null, input: EditAdminInput): Promise<void> {
  if (!actor) throw new AppError(1005);
  const isSelf = input.id === actor.id;
  if (!isSelf && !actor.privileged) throw new AppError(1006);
  if (input.username === RESERVED_ADMIN_NAME) throw new AppError(1008);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;

  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const me = await lockAdminsFor(tx, actor);
      if (!isSelf && !me.privileged) throw new AppError(1006);
      const [target] = await tx.select().from(admins).where(eq(admins.id, input.id));
      if (!target) throw badInput("id", `管理员 ${input.id} 不存在`);
      const privileged = isSelf ? target.privileged : (input.privileged ?? target.privileged);
      await tx
        .update(admins)
        .set({
          username: input.username,
          privileged,
          ...(passwordHash ? { passwordHash, sessionVersion: sql`${admins.sessionVersion} + 1` } : {}),
          updatedAt: new Date(),
        })
        .where(eq(admins.id, input.id));
      if (target.privileged && !privileged) await assertSuperAdminRemains(tx);
      await recordAudit(tx, {
        action: "admin.edited",
        objectKind: "admin",
        objectId: input.id,
        before: { username: target.username, privileged: target.privileged },
        after: { username: input.username, privileged, passwordChanged: !!passwordHash },
      });
    });
  } catch (e) {
    if (pgErrorCode(e) === "23505") throw new AppError(1007);
    throw e;
  }
}
