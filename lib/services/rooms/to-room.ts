import "server-only";
import type { rooms } from "@/lib/db/schema";

/** Legacy Room JSON. */
export interface RoomView {
  roomId: number;
  place: string;
  size: number;
  available: 0 | 1;
}

export function toRoom(r: typeof rooms.$inferSelect): RoomView {
  return { roomId: r.id, place: r.place, size: r.size, available: r.available ? 1 : 0 };
}
