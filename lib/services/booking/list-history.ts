import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, rooms, users } from "@/lib/db/schema";
import { appointmentRecordColumns, type AppointmentRecord } from "./appointment-record";

/** The caller's own bookings in one status, newest submission first. */
export async function listHistory(userId: number, status: number): Promise<AppointmentRecord[]> {
  const db = await getDb();
  return db
    .select(appointmentRecordColumns)
    .from(appointments)
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .innerJoin(users, eq(users.id, appointments.userId))
    .where(and(eq(appointments.userId, userId), eq(appointments.status, status)))
    .orderBy(desc(appointments.submittedAt), desc(appointments.id));
}
