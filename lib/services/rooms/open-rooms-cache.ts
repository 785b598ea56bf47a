import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { rooms } from "@/lib/db/schema";
import { comparePlaces } from "./compare-places";

/** An open room (`available`) as searches need it: the cached copy. Filters on room facts read these fields. */
export interface OpenRoom {
  id: number;
  place: string;
  size: number;
  available: boolean;
  openMinute: number | null;
  closeMinute: number | null;
  building: string;
  floor: string;
  equipment: string[];
  /** Removed through the Open API (normally also closed). */
  removed: boolean;
}

// The open rooms in the legacy Chinese order, per database handle, tagged with the rooms' change counter
// (cache_versions.rooms, bumped by a statement trigger on every change to `rooms`, whoever makes it: this process,
// another server process, the sheet import or plain SQL). A reader gets the counter from the statement it runs anyway,
// so it never sees rooms older than that statement's snapshot. Sorting ~2,000 places with the collator costs
// milliseconds: it happens once per change, not once per search.
// Kept on globalThis: Next.js may load this module once per route bundle, and all of them must share one copy.
interface Entry {
  version: number;
  rooms: Promise<readonly OpenRoom[]>;
}
const g = globalThis as unknown as { __meetingOpenRooms?: WeakMap<Db, Entry> };
const cache = (g.__meetingOpenRooms ??= new WeakMap<Db, Entry>());

/** The rooms' change counter, as a SQL expression to fold into a statement the caller runs anyway. */
export const ROOMS_VERSION = sql`(select version from cache_versions where name = 'rooms')`;

/** The cached open rooms, valid for `version` (read through ROOMS_VERSION in the caller's statement). */
export function openRoomsAt(db: Db, version: number): Promise<readonly OpenRoom[]> {
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.rooms;
  // Loaded after the caller's statement read `version`: at least as new as that. A change racing the load gives a
  // newer counter to the next reader, which reloads.
  const entry: Entry = { version, rooms: loadOpenRooms(db) };
  cache.set(db, entry);
  entry.rooms.catch(() => {
    if (cache.get(db) === entry) cache.delete(db);
  });
  return entry.rooms;
}

/** The open rooms, checking the change counter with one tiny query (for callers without a statement of their own). */
export async function currentOpenRooms(db: Db): Promise<readonly OpenRoom[]> {
  const [row] = rowsOf<{ v: number | string | null }>(await db.execute(sql`select ${ROOMS_VERSION} as v`));
  return openRoomsAt(db, Number(row?.v ?? 0));
}

/** What search and the timeline need of a room (one list of columns for the cache and for a single room's read). */
export const roomFactColumns = {
  id: rooms.id,
  place: rooms.place,
  size: rooms.size,
  available: rooms.available,
  openMinute: rooms.openMinute,
  closeMinute: rooms.closeMinute,
  building: rooms.building,
  floor: rooms.floor,
  equipment: rooms.equipment,
};

async function loadOpenRooms(db: Db): Promise<readonly OpenRoom[]> {
  const rows = await db
    .select({ ...roomFactColumns, removed: sql<boolean>`${rooms.removedAt} is not null` })
    .from(rooms)
    .where(eq(rooms.available, true))
    .orderBy(asc(rooms.id));
  // Ties of the collator keep the id order (the sort is stable). Frozen: callers share these objects (and
  // to-room.ts keeps each one's JSON for as long as it lives).
  return rows.sort((a, b) => comparePlaces(a.place, b.place)).map((r) => Object.freeze(r));
}
