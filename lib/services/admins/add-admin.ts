import "server-only";
import { getDb, pgErrorCode } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import type { SessionAdmin } from "@/lib/auth/session";
import { RESERVED_ADMIN_NAME, type AddAdminInput } from "@/lib/validation/admin";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { requireSuper } from "./admin-guards";

/** Creates an admin with an argon2id password hash. Names are unique regardless of letter case (1007). */
export async function addAdmin(actor: SessionAdmin | null, input: AddAdminInput): Promise<{ id: number }> {
  requireSuper(actor);
  if (input.username === RESERVED_ADMIN_NAME) throw new AppError(1008);
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(admins)
        .values({ username: input.username, passwordHash, privileged: input.privileged })
        .returning({ id: admins.id });
      await recordAudit(tx, {
        action: "admin.added",
        objectKind: "admin",
        objectId: row.id,
        after: { username: input.username, privileged: input.privileged, hasPassword: true },
      });
      return row;
    });
  } catch (e) {
    if (pgErrorCode(e) === "23505") throw new AppError(1007);
    throw e;
  }
}
