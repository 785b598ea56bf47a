import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import { comparePlaces } from "./compare-places";

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
    .where(eq(rooms.available, true));
  return rows.sort((a, b) => comparePlaces(a.place, b.place));
}
