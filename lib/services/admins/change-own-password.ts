import "server-only";
import { eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";

/**
 * An admin sets a new password for their own account (legacy E27). The session version is bumped in the same
 * statement, so every session of this admin (this one included) ends; the caller also drops the admin identity
 * from the current cookie. The password's format is checked by the caller's schema.
 */
export async function changeOwnPassword(adminId: number, password: string): Promise<void> {
  const db = await getDb();
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(admins)
      .set({ passwordHash: hash, sessionVersion: sql`${admins.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(admins.id, adminId))
      .returning({ id: admins.id, username: admins.username });
    if (updated.length === 0) throw new AppError(1005);
    await recordAudit(tx, {
      action: "admin.password_changed",
      objectKind: "admin",
      objectId: adminId,
      actor: { kind: "admin", id: adminId, name: updated[0].username },
      after: { sessionsEnded: true },
    });
  });
}
