import "server-only";


/** Legacy Room JSON (GET/POST /rooms, the console's room endpoints): built only by toRoom. */
export interface RoomView {
  roomId: number;
  place: string;
  size: number;
  available: 0 | 1;
}

/** A room row or summary as the legacy Room JSON. */
export function toRoom(r: { id: number; place: string; size: number; available: boolean }): RoomView {
  return { roomId: r.id, place: r.place, size: r.size, available: r.available ? 1 : 0 };
}
