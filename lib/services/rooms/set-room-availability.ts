import "server-only";
import type { SessionAdmin } from "@/lib/auth/session";
import type { SetRoomAvailabilityInput } from "@/lib/validation/room";
import { editRoom } from "./edit-room";
import type { RoomView } from "./to-room";

/** Opens (1) or closes (0) a room. Closing keeps its bookings; closed rooms are just not offered any more. */
export async function setRoomAvailability(actor: SessionAdmin | null, input: SetRoomAvailabilityInput): Promise<RoomView> {
  return editRoom(actor, { roomId: input.roomId, available: input.available });
}
