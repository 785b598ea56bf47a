import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, rooms } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";

/**
 * Open API room/remove. A room without bookings is deleted; one with bookings on record is closed and marked
 * removed instead (room ids never disappear from under a booking).
 */
export async function removeOapiRoom(id: number) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ id: rooms.id, place: rooms.place }).from(rooms).where(and(eq(rooms.id, id), isNull(rooms.removedAt))).for("update");
    if (!current) throw notFound("roomId", "会议室");
    const [booking] = await tx.select({ id: appointments.id }).from(appointments).where(eq(appointments.roomId, id)).limit(1);
    if (booking) await tx.update(rooms).set({ removedAt: new Date(), available: false, updatedAt: new Date() }).where(eq(rooms.id, id));
    else await tx.delete(rooms).where(eq(rooms.id, id));
    await emitOpenEvent(tx, "room_remove", [id]);
    await recordAudit(tx, {
      action: "room.removed",
      objectKind: "room",
      objectId: id,
      before: { place: current.place },
      after: booking ? { removed: true, available: false, keptForBookings: true } : { deleted: true },
    });
  });
}
