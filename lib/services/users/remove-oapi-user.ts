import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, roomAllowedUsers, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";

/**
 * Open API user/remove. A member without bookings is deleted; one whose bookings must stay on record is marked
 * removed (hidden from the Open API, disabled) instead.
 */
export async function removeOapiUser(id: number) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ id: users.id, userid: users.userid, name: users.name }).from(users).where(and(eq(users.id, id), isNull(users.removedAt))).for("update");
    if (!current) throw notFound("userId", "用户");
    const [booking] = await tx.select({ id: appointments.id }).from(appointments).where(eq(appointments.userId, id)).limit(1);
    await tx.delete(roomAllowedUsers).where(eq(roomAllowedUsers.userId, id));
    if (booking) await tx.update(users).set({ removedAt: new Date(), status: 0, updatedAt: new Date() }).where(eq(users.id, id));
    else await tx.delete(users).where(eq(users.id, id));
    await emitOpenEvent(tx, "user_remove", [id]);
    await recordAudit(tx, {
      action: "user.removed",
      objectKind: "user",
      objectId: id,
      before: { account: current.userid, name: current.name },
      after: booking ? { removed: true, status: 0, keptForBookings: true } : { deleted: true },
    });
  });
}
