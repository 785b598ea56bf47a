import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db";
import { appointments, rooms, users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { formatDateTime, formatDate } from "@/lib/time";

// What the platform's notices and calendar entries say about a booking: room, time, purpose, number and link.

export interface BookingFacts {
  id: number;
  status: number;
  userid: string;
  userId: number;
  place: string;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
}

export async function loadBookingFacts(db: Db | Tx, id: number): Promise<BookingFacts | null> {
  const [row] = await db
    .select({
      id: appointments.id,
      status: appointments.status,
      userid: users.userid,
      userId: users.id,
      place: rooms.place,
      purpose: appointments.purpose,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
    })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.userId))
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .where(eq(appointments.id, id));
  return row ?? null;
}

/** `2026-12-05 09:00–10:30` (same day) or both ends in full. */
export function bookingPeriod(b: { startsAt: Date; endsAt: Date }): string {
  const end = formatDateTime(b.endsAt);
  return formatDate(b.startsAt) === formatDate(b.endsAt) ? `${formatDateTime(b.startsAt)}–${end.slice(-5)}` : `${formatDateTime(b.startsAt)} – ${end}`;
}

export const bookingLink = (id: number) => `${env().APP_URL}/meeting/history/detail/${id}`;

/** The marker that identifies our booking inside platform text (calendar entries are found by it). */
export const bookingMarker = (id: number) => `【预约#${id}】`;
