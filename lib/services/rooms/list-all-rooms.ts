import "server-only";
import { asc, count, desc, ilike, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import type { SessionAdmin } from "@/lib/auth/session";
import { requireSuper } from "@/lib/services/admins/admin-guards";
import { toRoom, type RoomView } from "./to-room";

/** Every room, closed ones included, by id (room management is for super admins). */
export async function listAllRooms(actor: SessionAdmin | null): Promise<RoomView[]> {
  requireSuper(actor);
  const db = await getDb();
  return (await db.select().from(rooms).orderBy(asc(rooms.id))).map(toRoom);
}

export interface RoomsPage {
  count: number;
  page: number;
  size: number;
  /** Open rooms among all matching ones. */
  openCount: number;
  rooms: RoomView[];
}

/** One page of rooms, newest first, optionally only those whose place contains `q` (the console's rooms table, 2,000 rooms). */
export async function listRoomsPage(actor: SessionAdmin | null, input: { page: number; size: number; q?: string }): Promise<RoomsPage> {
  requireSuper(actor);
  const db = await getDb();
  const q = input.q?.trim();
  const where = q ? ilike(rooms.place, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined;
  const [{ n, open }] = await db
    .select({ n: count(), open: sql<string>`count(*) filter (where ${rooms.available})` })
    .from(rooms)
    .where(where);
  const total = Number(n);
  const page = Math.min(Math.max(1, input.page), Math.max(1, Math.ceil(total / input.size)));
  const list = await db
    .select()
    .from(rooms)
    .where(where)
    .orderBy(desc(rooms.id))
    .limit(input.size)
    .offset((page - 1) * input.size);
  return { count: total, page, size: input.size, openCount: Number(open), rooms: list.map(toRoom) };
}
