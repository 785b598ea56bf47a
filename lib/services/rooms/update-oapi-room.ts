import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, pgErrorCode } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import { badInput, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { changedFields } from "@/lib/services/audit/summaries";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { loadOpenRooms } from "@/lib/services/openapi/load-open-rooms";
import { applyRoomRefs, assertHours, roomColumns, type OpenRoomFields } from "./open-room-input";

export async function updateOapiRoom(id: number, input: OpenRoomFields) {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(rooms).where(and(eq(rooms.id, id), isNull(rooms.removedAt))).for("update");
      if (!current) throw notFound("id", "会议室");
      assertHours(input, current);
      await applyRoomRefs(tx, id, input);
      await tx.update(rooms).set({ ...roomColumns(input), updatedAt: new Date() }).where(eq(rooms.id, id));
      await emitOpenEvent(tx, "room_update", [id]);
      const after = roomColumns(input) as Record<string, unknown>;
      const before = Object.fromEntries(Object.keys(after).map((k) => [k, (current as Record<string, unknown>)[k]]));
      await recordAudit(tx, { action: "room.edited", objectKind: "room", objectId: id, ...changedFields(before, after) });
      return (await loadOpenRooms(tx, [id]))[0];
    });
  } catch (e) {
    if (pgErrorCode(e) === "23505") throw badInput("name", "会议室名称已存在");
    throw e;
  }
}
