import "server-only";
import { getDb, pgErrorCode } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import { badInput } from "@/lib/errors";
import type { SessionAdmin } from "@/lib/auth/session";
import { requireSuper } from "@/lib/services/admins/admin-guards";
import type { AddRoomInput } from "@/lib/validation/room";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { roomSummary } from "@/lib/services/audit/summaries";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { toRoom, type RoomView } from "./to-room";

export async function addRoom(actor: SessionAdmin | null, input: AddRoomInput): Promise<RoomView> {
  requireSuper(actor);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(rooms)
        .values({ place: input.place, size: input.size, available: (input.available ?? 1) === 1 })
        .returning();
      await emitOpenEvent(tx, "room_add", [row.id]);
      await recordAudit(tx, { action: "room.created", objectKind: "room", objectId: row.id, after: roomSummary(row) });
      return toRoom(row);
    });
  } catch (e) {
    if (pgErrorCode(e) === "23505") throw badInput("place", "该地点已有会议室");
    throw e;
  }
}
