import "server-only";
import { and, arrayContains, eq, gte, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, rooms } from "@/lib/db/schema";
import { badInput } from "@/lib/errors";
import { freeWindows, type Period } from "@/lib/services/booking/free-windows";
import { isWithinOpenHours } from "@/lib/services/booking/is-within-open-hours";
import { overlaps } from "@/lib/services/booking/overlaps";
import { closedPeriodsByRoom, type ClosedPeriod } from "@/lib/services/closures/closure-periods";
import { getSettings } from "@/lib/services/settings/get-settings";
import { atLocalMinute, formatDate, parseLocalDate, startOfNextLocalDay } from "@/lib/time";
import { parseHhmm } from "@/lib/zoned-time";
import { comparePlaces } from "./compare-places";

export interface AvailabilityQuery {
  /** 0 = every open room (a search); otherwise that room, even when closed (its own page). */
  roomId: number;
  /** The wanted campus-local day, `yyyy-MM-dd`. */
  date: string;
  /** Minutes wanted. */
  duration: number;
  /** Participants; 0 = any. Ignored for a single room (its page shows it whatever the group size). */
  size: number;
  /** A wanted start, `HH:mm` campus time, if any. */
  start?: string;
  /** Search filters (roomId 0 only): rooms of this building; rooms having every one of these equipment names. */
  building?: string;
  equipment?: string[];
}

export interface RoomAvailability {
  id: number;
  place: string;
  size: number;
  available: boolean;
  building: string;
  floor: string;
  equipment: string[];
  /** Approved bookings touching the day, earliest first (only approved bookings occupy a room). */
  busy: Period[];
  /** Closures (维修, 考试周, 假期) touching the day: not bookable, like closed hours. */
  closed: ClosedPeriod[];
  /** Bookable stretches of at least `duration`: inside open hours, in the future, clear of approved bookings. */
  windows: Period[];
  /** Whether the wanted start (when given) can be booked for `duration`; null without a wanted start. */
  slotFree: boolean | null;
  /** The bookable start nearest to the wanted one (epoch ms), null when none is left that day or none was wanted. */
  nearest: number | null;
  /** Why the wanted slot cannot be booked (null when it can, or none was wanted). */
  problem: SlotProblem | null;
}

/** `past`: not in the future; `closed`: outside open hours (3003); `taken`: overlaps an approved booking (2003); `room`: the room is closed. */
export type SlotProblem = "past" | "closed" | "taken" | "room";

export interface Availability {
  /** `yyyy-MM-dd` of the day in the campus zone. */
  day: string;
  /** Opening and closing instants of the day (epoch ms). */
  opensAt: number;
  closesAt: number;
  openMinute: number;
  closeMinute: number;
  /** The wanted start as an instant, when given. */
  start: number | null;
  rooms: RoomAvailability[];
}

/**
 * Free and busy time of rooms on one day, for the search results, the room timeline and the booking form's
 * suggestions. It applies the booking rules (open hours, the conflict rule over approved bookings, no start in the
 * past) through the same helpers submission and search use; it only adds where the free stretches are. A search
 * (roomId 0) lists the open rooms of enough capacity that still have a free stretch that day.
 */
export async function getRoomAvailability(q: AvailabilityQuery, now = new Date()): Promise<Availability> {
  const db = await getDb();
  const hours = await getSettings(db);
  const day = parseLocalDate(q.date);
  if (!day) throw badInput("date", "不是有效日期");
  const startMinute = q.start === undefined ? null : parseHhmm(q.start);
  if (startMinute === null && q.start !== undefined) throw badInput("start", "必须是 HH:mm");
  const dayEnd = startOfNextLocalDay(day);
  const opensAt = atLocalMinute(day, hours.openMinute).getTime();
  const closesAt = atLocalMinute(day, hours.closeMinute).getTime();
  const start = startMinute === null ? null : atLocalMinute(day, startMinute).getTime();

  const where: SQL[] = [];
  if (q.roomId !== 0) where.push(eq(rooms.id, q.roomId));
  else where.push(eq(rooms.available, true), gte(rooms.size, q.size));
  if (q.roomId === 0 && q.building) where.push(eq(rooms.building, q.building));
  if (q.roomId === 0 && q.equipment?.length) where.push(arrayContains(rooms.equipment, q.equipment));
  const rows = await db
    .select({
      id: rooms.id,
      place: rooms.place,
      size: rooms.size,
      available: rooms.available,
      building: rooms.building,
      floor: rooms.floor,
      equipment: rooms.equipment,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
    })
    .from(rooms)
    .leftJoin(appointments, overlaps(rooms.id, day, dayEnd))
    .where(and(...where));
  if (q.roomId !== 0 && rows.length === 0) throw badInput("roomId", "会议室不存在");

  // Offered starts begin at the next 5-minute mark after now (the form's time inputs step by 5 minutes too).
  const earliest = Math.ceil((now.getTime() + 1) / 300_000) * 300_000;
  const from = Math.max(opensAt, earliest);
  const length = q.duration * 60_000;

  const byRoom = new Map<number, RoomAvailability>();
  const buildingOf = new Map<number, string>();
  for (const r of rows) {
    let room = byRoom.get(r.id);
    if (!room) {
      room = { id: r.id, place: r.place, size: r.size, available: r.available, building: r.building, floor: r.floor, equipment: r.equipment, busy: [], closed: [], windows: [], slotFree: null, nearest: null, problem: null };
      byRoom.set(r.id, room);
      buildingOf.set(r.id, r.building);
    }
    if (r.startsAt && r.endsAt) room.busy.push({ start: r.startsAt.getTime(), end: r.endsAt.getTime() });
  }
  const result: RoomAvailability[] = [];
  const closedByRoom = await closedPeriodsByRoom(db, [...buildingOf].map(([id, building]) => ({ id, building })), day, dayEnd);
  for (const room of byRoom.values()) {
    room.busy.sort((a, b) => a.start - b.start);
    room.closed = closedByRoom.get(room.id) ?? [];
    room.windows = room.available && closesAt - from >= length ? freeWindows([...room.busy, ...room.closed], from, closesAt, length) : [];
    if (start !== null) {
      const withinHours = isWithinOpenHours(new Date(start), q.duration, hours);
      room.slotFree = withinHours && room.windows.some((w) => w.start <= start && start + length <= w.end);
      room.nearest = nearestStart(room.windows, start, length);
      if (!room.slotFree) {
        const inClosure = room.closed.some((c) => c.start < start + length && c.end > start);
        room.problem = !room.available ? "room" : start <= now.getTime() ? "past" : !withinHours || inClosure ? "closed" : "taken";
      }
    }
    if (q.roomId === 0 && room.windows.length === 0) continue;
    result.push(room);
  }
  result.sort((a, b) => (a.slotFree === b.slotFree ? comparePlaces(a.place, b.place) : a.slotFree ? -1 : 1));
  return { day: formatDate(day), opensAt, closesAt, openMinute: hours.openMinute, closeMinute: hours.closeMinute, start, rooms: result };
}

/** The start inside one of `windows` (each at least `length` long) closest to `wanted`; ties go to the earlier one. */
function nearestStart(windows: Period[], wanted: number, length: number): number | null {
  let best: number | null = null;
  for (const w of windows) {
    const candidate = Math.min(Math.max(wanted, w.start), w.end - length);
    if (best === null || Math.abs(candidate - wanted) < Math.abs(best - wanted)) best = candidate;
  }
  return best;
}
