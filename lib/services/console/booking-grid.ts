import "server-only";
import { and, asc, count, eq, exists, gt, gte, ilike, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { appointments, closures, rooms, STATUS, users } from "@/lib/db/schema";
import { AppError, badInput } from "@/lib/errors";
import { dayLabels } from "@/lib/services/calendar/academic-calendar";
import type { DayLabel } from "@/lib/domain/week-label";
import { closedPeriodsByRoom, type ClosedPeriod } from "@/lib/services/closures/closure-periods";
import { roomOpenHours } from "@/lib/services/booking/room-open-hours";
import { getSettings } from "@/lib/services/settings/get-settings";
import { formatDateTime, parseLocalDate } from "@/lib/time";
import { addDays } from "@/lib/zoned-time";

export type GridStatus = "pending" | "approved" | "checkedin" | "closed";

export interface GridQuery {
  /** yyyy-MM-dd: the day, or any day of the wanted week (weeks start on Monday). */
  date: string;
  view: "day" | "week";
  page: number;
  size: number;
  building?: string;
  minCapacity?: number;
  equipment?: string[];
  status?: GridStatus;
  /** Part of a room's place. */
  q?: string;
}

export interface GridBooking {
  id: number;
  status: number;
  start: number;
  end: number;
  startsAt: string;
  endsAt: string;
  purpose: string;
  booker: string;
  userid: string;
  phone: string;
  participants: number;
  note: string | null;
  checkInfo: string | null;
  submittedAt: string;
  reviewedBy: string | null;
  checkedInAt: string | null;
  seriesId: number | null;
}

export interface GridRoom {
  id: number;
  place: string;
  building: string;
  floor: string;
  size: number;
  equipment: string[];
  available: boolean;
  checkInRequired: boolean;
  openMinute: number;
  closeMinute: number;
  bookings: GridBooking[];
  closed: ClosedPeriod[];
}

export interface BookingGrid {
  from: string;
  /** Exclusive. */
  to: string;
  fromMs: number;
  toMs: number;
  days: DayLabel[];
  openMinute: number;
  closeMinute: number;
  total: number;
  page: number;
  size: number;
  buildings: string[];
  rooms: GridRoom[];
}

const weekdayMonday = (date: string) => {
  const [y, m, d] = date.split("-").map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return addDays(date, -((wd + 6) % 7));
};

/**
 * The console's bookings grid: a page of rooms (ordered by building, then place) with their pending and approved
 * bookings and closures over one day or one week (Monday–Sunday). Paged in SQL, so 2,000 rooms cost one page.
 */
export async function getBookingGrid(admin: SessionAdmin | null, q: GridQuery): Promise<BookingGrid> {
  if (!admin) throw new AppError(1005);
  if (!parseLocalDate(q.date)) throw badInput("date", "请选择有效日期");
  const db = await getDb();
  const first = q.view === "week" ? weekdayMonday(q.date) : q.date;
  const dayCount = q.view === "week" ? 7 : 1;
  const last = addDays(first, dayCount);
  const from = parseLocalDate(first)!;
  const to = parseLocalDate(last)!;

  const inRange = and(lt(appointments.startsAt, to), gt(appointments.endsAt, from));
  const where: SQL[] = [isNull(rooms.removedAt)];
  if (q.building !== undefined && q.building !== "") where.push(eq(rooms.building, q.building === "-" ? "" : q.building));
  if (q.minCapacity) where.push(gte(rooms.size, q.minCapacity));
  if (q.equipment?.length) where.push(sql`${rooms.equipment} @> ${sql`array[${sql.join(q.equipment.map((e) => sql`${e}`), sql`, `)}]::text[]`}`);
  if (q.q) where.push(ilike(rooms.place, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.status === "pending" || q.status === "approved" || q.status === "checkedin") {
    const st = q.status === "pending" ? STATUS.PENDING : STATUS.APPROVED;
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(appointments)
          .where(and(eq(appointments.roomId, rooms.id), eq(appointments.status, st), inRange, q.status === "checkedin" ? isNotNull(appointments.checkedInAt) : undefined)),
      ),
    );
  } else if (q.status === "closed") {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(closures)
          .where(
            and(
              lt(closures.startsAt, to),
              or(gt(closures.endsAt, from), and(eq(closures.repeatWeekly, true), or(isNull(closures.repeatUntil), gt(closures.repeatUntil, from)))),
              or(eq(closures.scope, "all"), and(eq(closures.scope, "room"), eq(closures.roomId, rooms.id)), and(eq(closures.scope, "building"), eq(closures.building, rooms.building))),
            ),
          ),
      ),
    );
  }

  const [{ n }] = await db.select({ n: count() }).from(rooms).where(and(...where));
  const total = Number(n);
  const size = q.size;
  const lastPage = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, q.page), lastPage);
  const pageRooms = await db
    .select()
    .from(rooms)
    .where(and(...where))
    .orderBy(asc(rooms.building), asc(rooms.place), asc(rooms.id))
    .limit(size)
    .offset((page - 1) * size);

  const ids = pageRooms.map((r) => r.id);
  const bookingRows = ids.length
    ? await db
        .select({ a: appointments, booker: users.name, userid: users.userid })
        .from(appointments)
        .innerJoin(users, eq(users.id, appointments.userId))
        .where(and(inArray(appointments.roomId, ids), inArray(appointments.status, [STATUS.PENDING, STATUS.APPROVED]), inRange))
        .orderBy(asc(appointments.startsAt), asc(appointments.id))
    : [];
  const closed = await closedPeriodsByRoom(db, pageRooms, from, to);
  const hours = await getSettings(db);
  const byRoom = new Map<number, GridBooking[]>();
  for (const { a, booker, userid } of bookingRows) {
    const list = byRoom.get(a.roomId) ?? [];
    list.push({
      id: a.id,
      status: a.status,
      start: a.startsAt.getTime(),
      end: a.endsAt.getTime(),
      startsAt: formatDateTime(a.startsAt),
      endsAt: formatDateTime(a.endsAt),
      purpose: a.purpose,
      booker,
      userid,
      phone: a.phone,
      participants: a.participants,
      note: a.note,
      checkInfo: a.checkInfo,
      submittedAt: formatDateTime(a.submittedAt),
      reviewedBy: a.reviewedBy,
      checkedInAt: a.checkedInAt ? formatDateTime(a.checkedInAt) : null,
      seriesId: a.seriesId,
    });
    byRoom.set(a.roomId, list);
  }
  const buildingRows = await db.selectDistinct({ b: rooms.building }).from(rooms).where(isNull(rooms.removedAt)).orderBy(asc(rooms.building));

  return {
    from: first,
    to: last,
    fromMs: from.getTime(),
    toMs: to.getTime(),
    days: await dayLabels(first, dayCount, db),
    openMinute: hours.openMinute,
    closeMinute: hours.closeMinute,
    total,
    page,
    size,
    buildings: buildingRows.map((r) => r.b),
    rooms: pageRooms.map((r) => {
      const h = roomOpenHours(r, hours);
      return {
        id: r.id,
        place: r.place,
        building: r.building,
        floor: r.floor,
        size: r.size,
        equipment: r.equipment,
        available: r.available,
        checkInRequired: r.checkInRequired,
        openMinute: h.openMinute,
        closeMinute: h.closeMinute,
        bookings: byRoom.get(r.id) ?? [],
        closed: closed.get(r.id) ?? [],
      };
    }),
  };
}

/** People search for booking on someone's behalf: by name or 工号 (WeCom userid), at most 20. */
export async function searchPeople(admin: SessionAdmin | null, term: string) {
  if (!admin) throw new AppError(1005);
  const t = term.trim();
  if (!t) return [];
  const db = await getDb();
  const like = `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: users.id, name: users.name, userid: users.userid, phone: users.phone })
    .from(users)
    .where(and(isNull(users.removedAt), or(ilike(users.name, like), ilike(users.userid, like))))
    .orderBy(asc(users.userid))
    .limit(20);
}
