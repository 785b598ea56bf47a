import "server-only";
import { eq } from "drizzle-orm";
import { getDb, pgErrorCode } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import { badInput } from "@/lib/errors";
import type { SessionAdmin } from "@/lib/auth/session";
import { requireSuper } from "@/lib/services/admins/admin-guards";
import type { EditRoomInput } from "@/lib/validation/room";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { changedFields, roomSummary } from "@/lib/services/audit/summaries";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { toRoom, type RoomView } from "./to-room";

/** Changes a room's place, size or open flag; the id never changes, so bookings keep pointing at it. */
export async function editRoom(actor: SessionAdmin | null, input: EditRoomInput): Promise<RoomView> {
  requireSuper(actor);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [old] = await tx.select().from(rooms).where(eq(rooms.id, input.roomId)).for("update");
      const [row] = await tx
        .update(rooms)
        .set({
          ...(input.place !== undefined ? { place: input.place } : {}),
          ...(input.size !== undefined ? { size: input.size } : {}),
          ...(input.available !== undefined ? { available: input.available === 1 } : {}),
          updatedAt: new Date(),
        })
        .where(eq(rooms.id, input.roomId))
        .returning();
      if (!row) throw badInput("roomId", `会议室 ${input.roomId} 不存在`);
      await emitOpenEvent(tx, "room_update", [row.id]);
      const diff = changedFields(roomSummary(old), roomSummary(row));
      const onlyOpenFlag = Object.keys(diff.after).length === 1 && "available" in diff.after;
      await recordAudit(tx, {
        action: onlyOpenFlag ? (row.available ? "room.opened" : "room.closed") : "room.edited",
        objectKind: "room",
        objectId: row.id,
        ...diff,
      });
      return toRoom(row);
    });
  } catch (e) {
    if (pgErrorCode(e) === "23505") throw badInput("place", "该地点已有会议室");
    throw e;
  }
}
