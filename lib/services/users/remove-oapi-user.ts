import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { roomAllowedUsers, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";

/**
 * Open API user/remove. The member is marked removed (hidden from the Open API, disabled), never deleted: the row
 * keeps their bookings on record and is the tombstone that stops a WeCom sign-in from creating them afresh (and
 * ends their sessions at once). Open API user/add of the same account brings them back.
 */
export async function removeOapiUser(id: number) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ id: users.id, userid: users.userid, name: users.name }).from(users).where(and(eq(users.id, id), isNull(users.removedAt))).for("update");
    if (!current) throw notFound("userId", "用户");
    await tx.delete(roomAllowedUsers).where(eq(roomAllowedUsers.userId, id));
    await tx.update(users).set({ removedAt: new Date(), status: 0, updatedAt: new Date() }).where(eq(users.id, id));
    await emitOpenEvent(tx, "user_remove", [id]);
    await recordAudit(tx, {
      action: "user.removed",
      objectKind: "user",
      objectId: id,
      before: { account: current.userid, name: current.name },
      after: { removed: true, status: 0 },
    });
  });
}
