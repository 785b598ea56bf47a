import "server-only";
import { inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import { AppError, badInput } from "@/lib/errors";
import type { SessionAdmin } from "@/lib/auth/session";
import type { DeleteAdminsInput } from "@/lib/validation/admin";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { assertSuperAdminRemains, lockAdminsFor, requireSuper } from "./admin-guards";

/**
 * Deletes admins in one transaction: an unknown id refuses the whole request (4002 naming it), the caller's own id
 * is skipped (legacy), and the last super admin is never deleted.
 */
export async function deleteAdmins(actor: SessionAdmin | null, input: DeleteAdminsInput): Promise<{ deleted: number }> {
  requireSuper(actor);
  const ids = [...new Set(input.ids)];
  const db = await getDb();
  return db.transaction(async (tx) => {
    const me = await lockAdminsFor(tx, actor);
    if (!me.privileged) throw new AppError(1006);
    if (ids.length === 0) return { deleted: 0 };
    const found = new Set((await tx.select({ id: admins.id }).from(admins).where(inArray(admins.id, ids))).map((r) => r.id));
    const unknown = ids.find((id) => !found.has(id));
    if (unknown !== undefined) throw badInput("ids", `管理员 ${unknown} 不存在`);
    const targets = ids.filter((id) => id !== actor.id);
    if (targets.length === 0) return { deleted: 0 };
    const gone = await tx
      .delete(admins)
      .where(inArray(admins.id, targets))
      .returning({ id: admins.id, username: admins.username, privileged: admins.privileged });
    await assertSuperAdminRemains(tx);
    for (const g of gone) {
      await recordAudit(tx, {
        action: "admin.deleted",
        objectKind: "admin",
        objectId: g.id,
        before: { username: g.username, privileged: g.privileged },
        ...(ids.length > 1 ? { after: { batch: true } } : {}),
      });
    }
    return { deleted: gone.length };
  });
}
