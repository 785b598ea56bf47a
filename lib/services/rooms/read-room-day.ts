import type { OccupiedPeriod } from "./get-room-periods";
import { getRoomPeriods } from "./get-room-periods";
import { getRoom } from "./get-room";
import type { RoomView } from "./to-room";

/** The room page: the room (open or closed) and the approved periods starting on that local day. */
export async function readRoomDay(roomId: number, day: Date): Promise<{ room: RoomView; periods: OccupiedPeriod[] }> {
  const room = await getRoom(roomId);
  const periods = await getRoomPeriods({ roomId, type: "that", date: day.getTime() });
  return { room, periods };
}
