import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, rooms, STATUS, users } from "@/lib/db/schema";
import { appointmentRecordColumns, type AppointmentRecord } from "@/lib/services/booking/appointment-record";

/**
 * One page of the review queue: every pending booking (closed rooms' too, which the legacy hid), first submitted
 * first. Paging as the legacy's PageHelper: page < 1 is the first page, a page past the end is the last one,
 * size 0 is every row.
 */
export async function listPendingReview(page: number, size: number): Promise<{ count: number; rows: AppointmentRecord[] }> {
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(appointments).where(eq(appointments.status, STATUS.PENDING));
  const query = db
    .select(appointmentRecordColumns)
    .from(appointments)
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .innerJoin(users, eq(users.id, appointments.userId))
    .where(eq(appointments.status, STATUS.PENDING))
    .orderBy(asc(appointments.submittedAt), asc(appointments.id));
  if (size === 0) return { count: n, rows: await query };
  const last = Math.max(1, Math.ceil(n / size));
  const p = Math.min(Math.max(1, page), last);
  return { count: n, rows: await query.limit(size).offset((p - 1) * size) };
}
