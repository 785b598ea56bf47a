import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { appointments, rooms, settings } from "@/lib/db/schema";
import { badInput } from "@/lib/errors";
import { activeRoom } from "./active-room";
import { freeWindows, type Period } from "@/lib/services/booking/free-windows";
import { isWithinOpenHours, type OpenHours } from "@/lib/services/booking/is-within-open-hours";
import { overlaps } from "@/lib/services/booking/overlaps";
import { roomOpenHours } from "@/lib/services/booking/room-open-hours";
import { closedPeriodsForRooms, loadClosures, type ClosedPeriod } from "@/lib/services/closures/closure-periods";
import { atLocalMinute, formatDate, parseLocalDate, startOfNextLocalDay } from "@/lib/time";
import { parseHhmm } from "@/lib/zoned-time";
import { roomFactColumns, type OpenRoom } from "./open-rooms-cache";
import { perOpenHours, readOpenRoomsBusy } from "./search-rooms";

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
  /**
   * Search filters (roomId 0 only): rooms of this building; rooms having every one of these equipment names; rooms
   * whose place contains this text (case-insensitive, trimmed; empty or longer than ROOM_NAME_MAX = no filter).
   */
  building?: string;
  equipment?: string[];
  name?: string;
}

/** The longest room-name filter taken; a longer one is ignored (no room's place is matched by a paragraph). */
export const ROOM_NAME_MAX = 50;

/** The room-name filter as searched: trimmed and lower-cased, or null for none (empty, or longer than ROOM_NAME_MAX). */
function nameFilter(name: string | undefined): string | null {
  const wanted = name?.trim().toLowerCase() ?? "";
  return wanted && wanted.length <= ROOM_NAME_MAX ? wanted : null;
}

export interface RoomAvailability {
  id: number;
  place: string;
  size: number;
  available: boolean;
  building: string;
  floor: string;
  equipment: string[];
  /** The room's bookable hours that day (its own when set, else the campus hours; epoch ms): the same rule as submission. */
  opensAt: number;
  closesAt: number;
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
  /** Opening and closing instants of the day (epoch ms): the room's own hours for one room, the campus hours for a search. */
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
 * suggestions. It applies the booking rules (each room's open hours — its own when set, else the campus ones —,
 * closures, the conflict rule over approved bookings, no start in the past) through the same helpers submission and
 * search use; it only adds where the free stretches are. A search (roomId 0) lists the open rooms of enough capacity
 * (and of the building / with the equipment / with the name asked for) that still have a free stretch that day; it shares the
 * search's statement and its cached open rooms.
 */
export async function getRoomAvailability(q: AvailabilityQuery, now = new Date()): Promise<Availability> {
  const db = await getDb();
  const day = parseLocalDate(q.date);
  if (!day) throw badInput("date", "不是有效日期");
  const startMinute = q.start === undefined ? null : parseHhmm(q.start);
  if (startMinute === null && q.start !== undefined) throw badInput("start", "必须是 HH:mm");
  const dayEnd = startOfNextLocalDay(day);
  const start = startMinute === null ? null : atLocalMinute(day, startMinute).getTime();

  const { listed, campus } = q.roomId === 0 ? await readSearch(db, q, day, dayEnd) : await readOneRoom(db, q.roomId, day, dayEnd);

  // Offered starts begin at the next 5-minute mark after now (the form's time inputs step by 5 minutes too).
  const earliest = Math.ceil((now.getTime() + 1) / 300_000) * 300_000;
  const length = q.duration * 60_000;
  // The time-zone arithmetic depends only on the open hours: once per distinct pair, not once per room.
  const hoursOf = perOpenHours((h) => {
    const opensAt = atLocalMinute(day, h.openMinute).getTime();
    return {
      ...h,
      opensAt,
      closesAt: atLocalMinute(day, h.closeMinute).getTime(),
      from: Math.max(opensAt, earliest),
      withinHours: start !== null && isWithinOpenHours(new Date(start), q.duration, h),
    };
  });

  const closedByRoom = closedPeriodsForRooms(
    listed.length === 0 ? [] : await loadClosures(db, day, dayEnd, q.roomId !== 0 ? listed : undefined),
    listed,
    day,
    dayEnd,
  );
  const result: RoomAvailability[] = [];
  for (const r of listed) {
    const h = hoursOf(roomOpenHours(r, campus));
    const room: RoomAvailability = {
      id: r.id, place: r.place, size: r.size, available: r.available, building: r.building, floor: r.floor, equipment: r.equipment,
      opensAt: h.opensAt, closesAt: h.closesAt,
      busy: [...r.busy].sort((a, b) => a.start - b.start), closed: closedByRoom.get(r.id) ?? [], windows: [], slotFree: null, nearest: null, problem: null,
    };
    room.windows = room.available && h.closesAt - h.from >= length ? freeWindows([...room.busy, ...room.closed], h.from, h.closesAt, length) : [];
    if (start !== null) {
      room.slotFree = h.withinHours && room.windows.some((w) => w.start <= start && start + length <= w.end);
      room.nearest = nearestStart(room.windows, start, length);
      if (!room.slotFree) {
        const inClosure = room.closed.some((c) => c.start < start + length && c.end > start);
        room.problem = !room.available ? "room" : start <= now.getTime() ? "past" : !h.withinHours || inClosure ? "closed" : "taken";
      }
    }
    if (q.roomId === 0 && room.windows.length === 0) continue;
    result.push(room);
  }
  // Rooms come in the legacy place order; a stable sort puts the free ones first.
  result.sort((a, b) => (a.slotFree === b.slotFree ? 0 : a.slotFree ? -1 : 1));
  // One room: its own hours head the timeline; a search: the campus hours.
  const top = hoursOf(q.roomId !== 0 && listed[0] ? roomOpenHours(listed[0], campus) : campus);
  return { day: formatDate(day), opensAt: top.opensAt, closesAt: top.closesAt, openMinute: top.openMinute, closeMinute: top.closeMinute, start, rooms: result };
}

type Listed = Pick<OpenRoom, "id" | "place" | "size" | "available" | "building" | "floor" | "equipment" | "openMinute" | "closeMinute"> & { busy: Period[] };

/** A search: the open rooms that pass the filters, with their approved bookings of the day (one statement). */
async function readSearch(db: Db, q: AvailabilityQuery, day: Date, dayEnd: Date): Promise<{ listed: Listed[]; campus: OpenHours }> {
  const { open, campus, busyByRoom } = await readOpenRoomsBusy(db, day, dayEnd);
  const wanted = q.equipment?.length ? q.equipment : null;
  const named = nameFilter(q.name);
  const listed = open
    .filter(
      (r) =>
        r.size >= q.size &&
        (!q.building || r.building === q.building) &&
        (!wanted || wanted.every((e) => r.equipment.includes(e))) &&
        (!named || r.place.toLowerCase().includes(named)),
    )
    .map((r) => ({ ...r, busy: busyByRoom.get(r.id) ?? [] }));
  return { listed, campus };
}

/** One room, even closed (its own page), with the campus hours and its approved bookings of the day (one statement). */
async function readOneRoom(db: Db, roomId: number, day: Date, dayEnd: Date): Promise<{ listed: Listed[]; campus: OpenHours }> {
  const rows = await db
    .select({
      ...roomFactColumns,
      campusOpen: settings.openMinute,
      campusClose: settings.closeMinute,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
    })
    .from(rooms)
    .innerJoin(settings, eq(settings.id, 1))
    .leftJoin(appointments, overlaps(rooms.id, day, dayEnd))
    .where(and(eq(rooms.id, roomId), activeRoom()));
  if (rows.length === 0) throw badInput("roomId", "会议室不存在");
  const r = rows[0];
  const busy: Period[] = [];
  for (const b of rows) if (b.startsAt && b.endsAt) busy.push({ start: b.startsAt.getTime(), end: b.endsAt.getTime() });
  const listed: Listed = { id: r.id, place: r.place, size: r.size, available: r.available, building: r.building, floor: r.floor, equipment: r.equipment, openMinute: r.openMinute, closeMinute: r.closeMinute, busy };
  return { listed: [listed], campus: { openMinute: r.campusOpen, closeMinute: r.campusClose } };
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
