import "server-only";
import { and, asc, count, desc, eq, gt, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, rooms, STATUS, users } from "@/lib/db/schema";
import { appointmentRecordColumns, type AppointmentRecord } from "./appointment-record";
import { countMyBookings } from "./count-my-bookings";

export type MyBookingsTab = "upcoming" | number;

/** Bookings per page of "my bookings": a busy organiser has hundreds ahead; a phone shows a page at a time. */
export const MY_BOOKINGS_PAGE_SIZE = 20;

export type MyBooking = AppointmentRecord & { seriesId: number | null };

export interface MyBookings {
  /** The page asked for (clamped to 1…pages) of the tab's bookings, in the tab's order. */
  bookings: MyBooking[];
  /** How many bookings the tab holds in all. */
  total: number;
  page: number;
  pages: number;
  /** The tabs' counts: per status (0–4), and 即将开始. */
  counts: Record<number, number>;
  upcoming: number;
}

/** What 即将开始 holds: pending and approved bookings that have not ended. */
const upcoming = (userId: number, now: Date) =>
  and(eq(appointments.userId, userId), inArray(appointments.status, [STATUS.PENDING, STATUS.APPROVED]), gt(appointments.endsAt, now));

/**
 * The caller's bookings for the "my bookings" page, one page of a tab at a time, in meeting-time order: 即将开始
 * (pending and approved, not yet ended) and pending/approved soonest first; the other statuses (history) latest
 * meeting first. The tab's total is the tab's own count (the same numbers the tabs show); a page past the last gives
 * the last. The legacy GET /history keeps its own order.
 */
export async function listMyBookings(userId: number, tab: MyBookingsTab, page = 1, now = new Date()): Promise<MyBookings> {
  const asked = Math.max(1, Math.floor(page) || 1);
  // The counts and the page asked for in parallel; only a page out of range is read again (as the last one).
  const [counts, upcomingCount, rows] = await Promise.all([countMyBookings(userId), countUpcoming(userId, now), readPage(userId, tab, asked, now)]);
  const total = tab === "upcoming" ? upcomingCount : (counts[tab] ?? 0);
  const pages = Math.max(1, Math.ceil(total / MY_BOOKINGS_PAGE_SIZE));
  const current = Math.min(asked, pages);
  const bookings = current === asked ? rows : await readPage(userId, tab, current, now);
  return { bookings, total, page: current, pages, counts, upcoming: upcomingCount };
}

/** One page of a tab, in the tab's order (ties by id, so pages never overlap). */
async function readPage(userId: number, tab: MyBookingsTab, page: number, now: Date): Promise<MyBooking[]> {
  const db = await getDb();
  const where = tab === "upcoming" ? upcoming(userId, now) : and(eq(appointments.userId, userId), eq(appointments.status, tab));
  const soonestFirst = tab === "upcoming" || tab === STATUS.PENDING || tab === STATUS.APPROVED;
  return db
    .select({ ...appointmentRecordColumns, seriesId: appointments.seriesId })
    .from(appointments)
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .innerJoin(users, eq(users.id, appointments.userId))
    .where(where)
    .orderBy(soonestFirst ? asc(appointments.startsAt) : desc(appointments.startsAt), asc(appointments.id))
    .limit(MY_BOOKINGS_PAGE_SIZE)
    .offset((page - 1) * MY_BOOKINGS_PAGE_SIZE);
}

/** How many bookings 即将开始 holds. */
async function countUpcoming(userId: number, now: Date): Promise<number> {
  const db = await getDb();
  const [r] = await db.select({ n: count() }).from(appointments).where(upcoming(userId, now));
  return Number(r.n);
}
