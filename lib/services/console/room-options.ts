import "server-only";
import { and, asc, count, eq, ilike, or } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export interface RoomOption {
  id: number;
  place: string;
  building: string;
  floor: string;
  size: number;
}

export interface RoomOptionsPage {
  count: number;
  page: number;
  size: number;
  rooms: RoomOption[];
}

/**
 * Open rooms an admin may move a booking into, searched by place or building on the server and paged (any admin;
 * 2,000 rooms never travel to the browser). Ordered by building, then place. Whether the room is free then is the
 * move's own check.
 */
export async function listRoomOptions(admin: SessionAdmin | null, input: { q?: string; page: number; size: number }): Promise<RoomOptionsPage> {
  if (!admin) throw new AppError(1005);
  const db = await getDb();
  const q = input.q?.trim();
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(eq(rooms.available, true), like ? or(ilike(rooms.place, like), ilike(rooms.building, like)) : undefined);
  const [{ n }] = await db.select({ n: count() }).from(rooms).where(where);
  const total = Number(n);
  const page = Math.min(Math.max(1, input.page), Math.max(1, Math.ceil(total / input.size)));
  const list = await db
    .select({ id: rooms.id, place: rooms.place, building: rooms.building, floor: rooms.floor, size: rooms.size })
    .from(rooms)
    .where(where)
    .orderBy(asc(rooms.building), asc(rooms.place), asc(rooms.id))
    .limit(input.size)
    .offset((page - 1) * input.size);
  return { count: total, page, size: input.size, rooms: list };
}
