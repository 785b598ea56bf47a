import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, rooms, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { SessionAdmin, SessionUser } from "@/lib/auth/session";
import { appointmentRecordColumns, type AppointmentRecord } from "./appointment-record";
import { isCancellable } from "./is-cancellable";
import { queuePosition } from "./pending-requests";

export interface AppointmentDetail extends AppointmentRecord {
  /** The caller is the booker and the booking may still be withdrawn. */
  cancellable: boolean;
  /** The recurring series it belongs to, if any. */
  seriesId: number | null;
  /** Pending: its place in the review queue of its slot (1 = next). */
  queuePosition: number | null;
}

/**
 * One booking for the detail page: its booker or any admin may read it (legacy E17 showed anyone's). Someone else's
 * booking answers like an unknown one (2007), so ids cannot be probed.
 */
export async function getAppointmentDetail(
  caller: { user: SessionUser | null; admin: SessionAdmin | null },
  id: number,
  now = new Date(),
): Promise<AppointmentDetail> {
  if (!caller.user && !caller.admin) throw new AppError(3001);
  const db = await getDb();
  const [row] = await db
    .select({ ...appointmentRecordColumns, seriesId: appointments.seriesId })
    .from(appointments)
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .innerJoin(users, eq(users.id, appointments.userId))
    .where(eq(appointments.id, id));
  const isOwner = !!row && caller.user?.id === row.userId;
  if (!row || (!isOwner && !caller.admin)) throw new AppError(2007);
  return { ...row, cancellable: isOwner && isCancellable(row, now), queuePosition: await queuePosition(row.id) };
}
