import "server-only";
import { and, eq, gte, isNull, notExists, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, rooms } from "@/lib/db/schema";
import { badInput } from "@/lib/errors";
import { freeWindows } from "@/lib/services/booking/free-windows";
import { isWithinOpenHours } from "@/lib/services/booking/is-within-open-hours";
import { overlaps } from "@/lib/services/booking/overlaps";
import { roomOpenHours } from "@/lib/services/booking/room-open-hours";
import { closedPeriodsByRoom } from "@/lib/services/closures/closure-periods";
import { getSettings } from "@/lib/services/settings/get-settings";
import { atLocalMinute, localParts, startOfLocalDay, startOfNextLocalDay } from "@/lib/time";
import { comparePlaces } from "./compare-places";
import type { RoomSummary } from "./list-open-rooms";

export interface RoomSearch {
  /** 0 = every open room. */
  roomId: number;
  /** Any instant of the wanted day (epoch ms). */
  date: number;
  /** > 0: the wanted start's hour and minute (epoch ms of any day); otherwise any free window that day. */
  time: number;
  /** Minutes. */
  duration: number;
  /** Participants; 0 = any. */
  size: number;
}

/**
 * Open rooms of enough capacity where `duration` minutes can be booked: at the exact slot when `time > 0`, else in
 * at least one free window of that day inside open hours and not in the past. Only the candidate rooms' approved
 * bookings that touch the day are read (one indexed query), never the whole table.
 */
export async function searchRooms(q: RoomSearch, now = new Date()): Promise<RoomSummary[]> {
  const db = await getDb();
  if (q.roomId !== 0) {
    const [room] = await db.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, q.roomId));
    if (!room) throw badInput("roomId", "会议室不存在");
  }
  const hours = await getSettings(db);
  const candidates: SQL[] = [eq(rooms.available, true), isNull(rooms.removedAt), gte(rooms.size, q.size)];
  if (q.roomId !== 0) candidates.push(eq(rooms.id, q.roomId));
  const columns = {
    id: rooms.id,
    place: rooms.place,
    size: rooms.size,
    available: rooms.available,
    openMinute: rooms.openMinute,
    closeMinute: rooms.closeMinute,
    building: rooms.building,
  };
  const summary = (r: { id: number; place: string; size: number; available: boolean }): RoomSummary => ({
    id: r.id,
    place: r.place,
    size: r.size,
    available: r.available,
  });

  if (q.time > 0) {
    const t = localParts(new Date(q.time));
    const start = atLocalMinute(new Date(q.date), t.hour * 60 + t.minute);
    const end = new Date(start.getTime() + q.duration * 60_000);
    if (start.getTime() <= now.getTime()) return [];
    const taken = db.select({ one: sql`1` }).from(appointments).where(overlaps(rooms.id, start, end));
    const rows = await db.select(columns).from(rooms).where(and(...candidates, notExists(taken)));
    // Closures (维修, 考试周…) count as closed hours.
    const closed = await closedPeriodsByRoom(db, rows, start, end);
    return rows
      .filter((r) => isWithinOpenHours(start, q.duration, roomOpenHours(r, hours)) && !closed.has(r.id))
      .map(summary)
      .sort((a, b) => comparePlaces(a.place, b.place));
  }

  const day = startOfLocalDay(new Date(q.date));
  // Bookable starts are whole minutes after now.
  const earliest = Math.ceil((now.getTime() + 1) / 60_000) * 60_000;
  const dayStart = Math.max(day.getTime(), earliest);
  const dayEnd = startOfNextLocalDay(day).getTime();
  const length = q.duration * 60_000;
  if (dayEnd - dayStart < length) return [];

  // Each room has its own bookable hours (or the campus ones): read the whole day, cut per room.
  const rows = await db
    .select({ ...columns, startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(rooms)
    .leftJoin(appointments, overlaps(rooms.id, new Date(dayStart), new Date(dayEnd)))
    .where(and(...candidates));
  const byRoom = new Map<number, { room: (typeof rows)[number]; busy: { start: number; end: number }[] }>();
  for (const r of rows) {
    let entry = byRoom.get(r.id);
    if (!entry) byRoom.set(r.id, (entry = { room: r, busy: [] }));
    if (r.startsAt && r.endsAt) entry.busy.push({ start: r.startsAt.getTime(), end: r.endsAt.getTime() });
  }
  // Closures (维修, 考试周…) count as closed hours: busy for the free-window test.
  const closed = await closedPeriodsByRoom(db, [...byRoom.values()].map((e) => e.room), new Date(dayStart), new Date(dayEnd));
  return [...byRoom.values()]
    .filter((e) => {
      const h = roomOpenHours(e.room, hours);
      const from = Math.max(atLocalMinute(day, h.openMinute).getTime(), earliest);
      const to = atLocalMinute(day, h.closeMinute).getTime();
      return to - from >= length && freeWindows([...e.busy, ...(closed.get(e.room.id) ?? [])], from, to, length).length > 0;
    })
    .map((e) => summary(e.room))
    .sort((a, b) => comparePlaces(a.place, b.place));
}
