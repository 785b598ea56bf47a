import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, appointmentSeries, rooms, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { SessionAdmin, SessionUser } from "@/lib/auth/session";
import { isCancellable } from "@/lib/services/booking/is-cancellable";

export interface SeriesOccurrence {
  id: number;
  startsAt: Date;
  endsAt: Date;
  status: number;
  checkInfo: string | null;
  /** The booker may still cancel it. */
  cancellable: boolean;
}

export interface SeriesDetail {
  id: number;
  userId: number;
  userid: string;
  name: string;
  roomId: number;
  place: string;
  rule: string;
  weekdays: number[];
  firstDate: string;
  untilDate: string | null;
  count: number | null;
  startMinute: number;
  duration: number;
  purpose: string;
  participants: number;
  phone: string;
  note: string | null;
  createdAt: Date;
  occurrences: SeriesOccurrence[];
}

/** A series with its occurrences in date order: its booker or any admin may read it; others get 2007 as for an unknown id. */
export async function getSeries(caller: { user: SessionUser | null; admin: SessionAdmin | null }, id: number, now = new Date()): Promise<SeriesDetail> {
  if (!caller.user && !caller.admin) throw new AppError(3001);
  const db = await getDb();
  const [s] = await db
    .select({
      id: appointmentSeries.id,
      userId: appointmentSeries.userId,
      userid: users.userid,
      name: users.name,
      roomId: appointmentSeries.roomId,
      place: rooms.place,
      rule: appointmentSeries.rule,
      weekdays: appointmentSeries.weekdays,
      firstDate: appointmentSeries.firstDate,
      untilDate: appointmentSeries.untilDate,
      count: appointmentSeries.count,
      startMinute: appointmentSeries.startMinute,
      duration: appointmentSeries.duration,
      purpose: appointmentSeries.purpose,
      participants: appointmentSeries.participants,
      phone: appointmentSeries.phone,
      note: appointmentSeries.note,
      createdAt: appointmentSeries.createdAt,
    })
    .from(appointmentSeries)
    .innerJoin(users, eq(users.id, appointmentSeries.userId))
    .innerJoin(rooms, eq(rooms.id, appointmentSeries.roomId))
    .where(eq(appointmentSeries.id, id));
  const isOwner = !!s && caller.user?.id === s.userId;
  if (!s || (!isOwner && !caller.admin)) throw new AppError(2007);
  const occ = await db
    .select({ id: appointments.id, startsAt: appointments.startsAt, endsAt: appointments.endsAt, status: appointments.status, checkInfo: appointments.checkInfo })
    .from(appointments)
    .where(eq(appointments.seriesId, id))
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  return { ...s, occurrences: occ.map((o) => ({ ...o, cancellable: isOwner && isCancellable(o, now) })) };
}
