import "server-only";
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rooms } from "@/lib/db/schema";

/** Buildings of the rooms open for booking, for the search filter. */
export async function listBuildings(): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ building: rooms.building })
    .from(rooms)
    .where(and(eq(rooms.available, true), isNull(rooms.removedAt), ne(rooms.building, "")))
    .orderBy(asc(rooms.building));
  return rows.map((r) => r.building);
}
