import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, rooms, users } from "@/lib/db/schema";
import { getRoomSettings } from "@/lib/services/rooms/room-settings";
import { checkInWindow } from "./check-in-window";

export type CheckInState =
  | { kind: "notRequired" }
  | { kind: "done"; at: Date; byName: string | null }
  | { kind: "missed"; at: Date }
  | { kind: "pending"; opensAt: Date; closesAt: Date };

/**
 * The check-in fact of one booking for its detail page (the caller has already been allowed to read the booking).
 * `notRequired` when the room does not ask for check-in and nobody checked in.
 */
export async function getCheckInState(appointmentId: number): Promise<CheckInState> {
  const db = await getDb();
  const [row] = await db
    .select({
      startsAt: appointments.startsAt,
      checkedInAt: appointments.checkedInAt,
      noShowAt: appointments.noShowAt,
      byName: users.name,
      required: rooms.checkInRequired,
    })
    .from(appointments)
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .leftJoin(users, eq(users.id, appointments.checkedInBy))
    .where(eq(appointments.id, appointmentId));
  if (!row) return { kind: "notRequired" };
  if (row.checkedInAt) return { kind: "done", at: row.checkedInAt, byName: row.byName };
  if (row.noShowAt) return { kind: "missed", at: row.noShowAt };
  if (!row.required) return { kind: "notRequired" };
  return { kind: "pending", ...checkInWindow(row.startsAt, await getRoomSettings(db)) };
}
