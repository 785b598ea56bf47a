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

// Each room's legacy JSON as UTF-8, kept for as long as the room object lives. Only the open-rooms cache's objects
// (frozen, replaced as a whole when the rooms change) are passed here, so the bytes never go stale; a search answer
// (every free room, ~100 KB at 2,000 rooms) is then one copy of cached bytes instead of serialising and encoding it.
const encoded = new WeakMap<object, Buffer>();
const OPEN = Buffer.from("[");
const COMMA = Buffer.from(",");
const CLOSE = Buffer.from("]");

/** The JSON array of `rooms` as toRoom writes it, as bytes (for answers that list many rooms, often). */
export function roomsJsonBytes(rooms: readonly Readonly<{ id: number; place: string; size: number; available: boolean }>[]): Buffer {
  const parts: Buffer[] = [OPEN];
  for (let i = 0; i < rooms.length; i++) {
    const r = rooms[i];
    let bytes = encoded.get(r);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(toRoom(r)));
      if (Object.isFrozen(r)) encoded.set(r, bytes);
    }
    if (i > 0) parts.push(COMMA);
    parts.push(bytes);
  }
  parts.push(CLOSE);
  return Buffer.concat(parts);
}
