import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import { comparePlaces } from "./compare-places";
import { activeRoom } from "@/lib/services/rooms/active-room";

export interface RoomSummary {
  id: number;
  place: string;
  size: number;
  available: boolean;
}

/** Rooms open for booking, in the legacy Chinese order of their place. */
export async function listOpenRooms(): Promise<RoomSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: rooms.id, place: rooms.place, size: rooms.size, available: rooms.available })
    .from(rooms)
    .where(and(eq(rooms.available, true), activeRoom()));
  return rows.sort((a, b) => comparePlaces(a.place, b.place));
}
