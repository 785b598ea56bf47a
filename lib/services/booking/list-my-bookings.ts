import "server-only";
import { and, asc, count, desc, eq, gt, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, rooms, STATUS, users } from "@/lib/db/schema";
import { appointmentRecordColumns, type AppointmentRecord } from "./appointment-record";

export type MyBookingsTab = "upcoming" | number;

/** What 即将开始 holds: pending and approved bookings that have not ended. */
const upcoming = (userId: number, now: Date) =>
  and(eq(appointments.userId, userId), inArray(appointments.status, [STATUS.PENDING, STATUS.APPROVED]), gt(appointments.endsAt, now));

/**
 * The caller's bookings for the "my bookings" page, in meeting-time order: 即将开始 (pending and approved, not yet
 * ended) and pending/approved soonest first; the other statuses (history) latest meeting first. The legacy
 * GET /history keeps its own order.
 */
export async function listMyBookings(userId: number, tab: MyBookingsTab, now = new Date()): Promise<(AppointmentRecord & { seriesId: number | null })[]> {
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
    .limit(500);
}

/** How many bookings 即将开始 holds. */
export async function countUpcoming(userId: number, now = new Date()): Promise<number> {
  const db = await getDb();
  const [r] = await db.select({ n: count() }).from(appointments).where(upcoming(userId, now));
  return Number(r.n);
}
