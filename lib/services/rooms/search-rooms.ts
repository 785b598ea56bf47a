import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { rooms } from "@/lib/db/schema";
import { badInput } from "@/lib/errors";
import { freeWindows, type Period } from "@/lib/services/booking/free-windows";
import { isWithinOpenHours, type OpenHours } from "@/lib/services/booking/is-within-open-hours";
import { roomOpenHours } from "@/lib/services/booking/room-open-hours";
import { closedPeriodsForRooms, loadClosures } from "@/lib/services/closures/closure-periods";
import { atLocalMinute, localParts, startOfLocalDay, startOfNextLocalDay } from "@/lib/time";
import type { RoomSummary } from "./list-open-rooms";
import { openRoomsAt, ROOMS_VERSION, type OpenRoom } from "./open-rooms-cache";

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
 * What one search asks the database, in one statement: the approved bookings that touch `from`…`to` (only the
 * room ids for an exact slot; room and period for a whole day), the campus hours, and the rooms' change counter
 * that validates the cached open rooms. The period condition over all rooms is answered from
 * `appointments_approved_period_gist` (an index that leads with the time range), so the cost follows the bookings
 * of that period, not of the table; for one room, from the exclusion constraint's index (room first).
 */
function searchQuery(from: Date, to: Date, opts: { roomId: number; periods: boolean }): SQL {
  const range = sql`tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`;
  // The two-argument tstzrange is the same '[)' range, written so that the planner matches it to the range-first
  // index; the three-argument form matches the constraint's index.
  const period =
    opts.roomId !== 0
      ? sql`a.room_id = ${opts.roomId} and tstzrange(a.starts_at, a.ends_at, '[)') && ${range}`
      : sql`tstzrange(a.starts_at, a.ends_at) && ${range}`;
  const busy = sql`select a.room_id, a.starts_at, a.ends_at from appointments a where a.status = 3 and ${period}`;
  const answer = opts.periods
    ? sql`(select coalesce(array_agg(b.room_id order by b.room_id, b.starts_at, b.ends_at), '{}') from busy b) as room_ids,
          (select coalesce(array_agg(extract(epoch from b.starts_at) * 1000 order by b.room_id, b.starts_at, b.ends_at), '{}')::float8[] from busy b) as starts,
          (select coalesce(array_agg(extract(epoch from b.ends_at) * 1000 order by b.room_id, b.starts_at, b.ends_at), '{}')::float8[] from busy b) as ends`
    : sql`(select coalesce(array_agg(distinct b.room_id), '{}') from busy b) as room_ids`;
  return sql`
    with busy as materialized (${busy})
    select ${ROOMS_VERSION} as rooms_version, s.open_minute, s.close_minute, ${answer}
    from settings s where s.id = 1`;
}

interface SearchRow {
  rooms_version: number | string;
  open_minute: number;
  close_minute: number;
  room_ids: (number | string)[];
  starts?: (number | string)[];
  ends?: (number | string)[];
}

export interface OpenRoomsBusy {
  /** The open rooms (cached), in the legacy place order. */
  open: readonly OpenRoom[];
  campus: OpenHours;
  /** Approved bookings of each room touching the period, earliest first (rooms with none are absent). */
  busyByRoom: Map<number, Period[]>;
}

/**
 * The open rooms (cached, in the legacy order), the campus hours and the approved bookings touching [from, to) — of
 * every room, or of `roomId` only — in one statement. The search and the availability view (search results) share it.
 */
export async function readOpenRoomsBusy(db: Db, from: Date, to: Date, roomId = 0): Promise<OpenRoomsBusy> {
  const row = await runSearchQuery(db, searchQuery(from, to, { roomId, periods: true }));
  return { open: await openRoomsAt(db, Number(row.rooms_version)), campus: campusOf(row), busyByRoom: busyByRoom(row) };
}

async function runSearchQuery(db: Db, query: SQL): Promise<SearchRow> {
  const [row] = rowsOf<SearchRow>(await db.execute(query));
  if (!row) throw new Error("settings row missing (ensureBaseData has not run)");
  return row;
}

const campusOf = (row: SearchRow): OpenHours => ({ openMinute: Number(row.open_minute), closeMinute: Number(row.close_minute) });

function busyByRoom(row: SearchRow): Map<number, Period[]> {
  const out = new Map<number, Period[]>();
  row.room_ids.forEach((id, i) => {
    const key = Number(id);
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push({ start: Number(row.starts![i]), end: Number(row.ends![i]) });
  });
  return out;
}

/** The rooms a search may return before looking at bookings: open, not removed, enough seats, the one asked for. */
function candidateRooms(open: readonly OpenRoom[], q: RoomSearch): OpenRoom[] {
  return open.filter((r) => !r.removed && r.size >= q.size && (q.roomId === 0 || r.id === q.roomId));
}

/** A closed or removed room is a valid question with no answer; an unknown id is an error. */
async function assertRoomExists(db: Db, roomId: number) {
  const [room] = await db.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, roomId));
  if (!room) throw badInput("roomId", "会议室不存在");
}

/** A found room: the cached (frozen) room itself, so that its legacy JSON is encoded once (roomsJsonBytes). */
const summary = (r: OpenRoom): RoomSummary => r;

/**
 * Memoises a function of a room's open hours within one request: rooms share a few distinct pairs, and the
 * time-zone arithmetic behind each answer (Intl, microseconds a call) then runs once per pair, not once per room.
 */
export function perOpenHours<T>(fn: (h: OpenHours) => T): (h: OpenHours) => T {
  const memo = new Map<number, T>();
  return (h) => {
    const key = h.openMinute * 2000 + h.closeMinute;
    if (!memo.has(key)) memo.set(key, fn(h));
    return memo.get(key) as T;
  };
}

/**
 * Open rooms of enough capacity where `duration` minutes can be booked: at the exact slot when `time > 0`, else in
 * at least one free window of that day inside the room's open hours, outside closures and not in the past. One
 * statement reads the period's approved bookings, the campus hours and the rooms' change counter; the open rooms and
 * their legacy order come from a per-process cache that the counter validates; closures are one small query.
 */
export async function searchRooms(q: RoomSearch, now = new Date()): Promise<RoomSummary[]> {
  const db = await getDb();
  return q.time > 0 ? searchSlot(db, q, now) : searchDay(db, q, now);
}

async function searchSlot(db: Db, q: RoomSearch, now: Date): Promise<RoomSummary[]> {
  const t = localParts(new Date(q.time));
  const start = atLocalMinute(new Date(q.date), t.hour * 60 + t.minute);
  const end = new Date(start.getTime() + q.duration * 60_000);
  if (start.getTime() <= now.getTime()) {
    if (q.roomId !== 0) await assertRoomExists(db, q.roomId);
    return [];
  }
  const row = await runSearchQuery(db, searchQuery(start, end, { roomId: q.roomId, periods: false }));
  const open = await openRoomsAt(db, Number(row.rooms_version));
  if (q.roomId !== 0 && !open.some((r) => r.id === q.roomId)) await assertRoomExists(db, q.roomId);
  const campus = campusOf(row);
  const taken = new Set(row.room_ids.map(Number));
  const fits = perOpenHours((h) => isWithinOpenHours(start, q.duration, h));
  const free = candidateRooms(open, q).filter((r) => !taken.has(r.id) && fits(roomOpenHours(r, campus)));
  if (free.length === 0) return [];
  // Closures (维修, 考试周…) count as closed hours.
  const closed = closedPeriodsForRooms(await loadClosures(db, start, end, q.roomId !== 0 ? free : undefined), free, start, end);
  return free.filter((r) => !closed.has(r.id)).map(summary);
}

async function searchDay(db: Db, q: RoomSearch, now: Date): Promise<RoomSummary[]> {
  const day = startOfLocalDay(new Date(q.date));
  // Bookable starts are whole minutes after now.
  const earliest = Math.ceil((now.getTime() + 1) / 60_000) * 60_000;
  const dayStart = Math.max(day.getTime(), earliest);
  const dayEnd = startOfNextLocalDay(day).getTime();
  const length = q.duration * 60_000;
  if (dayEnd - dayStart < length) {
    if (q.roomId !== 0) await assertRoomExists(db, q.roomId);
    return [];
  }
  const from = new Date(dayStart);
  const to = new Date(dayEnd);
  const { open, campus, busyByRoom: busy } = await readOpenRoomsBusy(db, from, to, q.roomId);
  if (q.roomId !== 0 && !open.some((r) => r.id === q.roomId)) await assertRoomExists(db, q.roomId);
  const candidates = candidateRooms(open, q);
  if (candidates.length === 0) return [];
  // Closures (维修, 考试周…) count as closed hours: busy for the free-window test.
  const closed = closedPeriodsForRooms(await loadClosures(db, from, to, q.roomId !== 0 ? candidates : undefined), candidates, from, to);
  // Each room has its own bookable hours (or the campus ones): the window of each distinct pair is computed once.
  const window = perOpenHours((h) => ({
    from: Math.max(atLocalMinute(day, h.openMinute).getTime(), earliest),
    to: atLocalMinute(day, h.closeMinute).getTime(),
  }));
  return candidates
    .filter((r) => {
      const w = window(roomOpenHours(r, campus));
      if (w.to - w.from < length) return false;
      const c = closed.get(r.id);
      const b = busy.get(r.id) ?? [];
      return freeWindows(c ? [...b, ...c] : b, w.from, w.to, length).length > 0;
    })
    .map(summary);
}
