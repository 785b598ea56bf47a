import "server-only";
import { getDb, pgErrorCode } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import { badInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { loadOpenRooms } from "@/lib/services/openapi/load-open-rooms";
import { applyRoomRefs, assertHours, roomColumns, type OpenRoomFields } from "./open-room-input";

/** A room needs a capacity for the booking rule (participants ≤ capacity); the Open API may omit it. */
export const DEFAULT_CAPACITY = 10;

export async function addOapiRoom(input: OpenRoomFields & { name: string }) {
  assertHours(input);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      await applyRoomRefs(tx, null, input);
      const values = { size: DEFAULT_CAPACITY, ...roomColumns(input), place: input.name } as typeof rooms.$inferInsert;
      const [row] = await tx.insert(rooms).values(values).returning({ id: rooms.id });
      await applyRoomRefs(tx, row.id, input);
      await emitOpenEvent(tx, "room_add", [row.id]);
      await recordAudit(tx, { action: "room.created", objectKind: "room", objectId: row.id, after: { ...roomColumns(input), place: input.name } });
      return (await loadOpenRooms(tx, [row.id]))[0];
    });
  } catch (e) {
    if (pgErrorCode(e) === "23505") throw badInput("name", "会议室名称已存在");
    throw e;
  }
}
