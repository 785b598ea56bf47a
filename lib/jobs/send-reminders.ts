import "server-only";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { campusEnabled } from "@/lib/clients/campus/config";
import { getDb } from "@/lib/db";
import { appointments, bookingReminders, STATUS, users } from "@/lib/db/schema";
import { notifyBooker } from "@/lib/services/review/notify-booker";
import { formatDateTime } from "@/lib/time";

// Reminders 15 minutes before an approved booking starts (issue 12 §5), through the booker fan-out (WeCom and/or
// campus notice per the console setting). One per booking and start time, ever: the booking_reminders row is
// written in the same transaction as the outbox message, so a reminder is never sent twice, even when runs overlap
// or a booking is reviewed again; a moved booking (new start) is reminded again. Part of the campus integration:
// with CAMPUS_API_BASE unset nothing is sent.

export const REMIND_BEFORE_MS = 15 * 60_000;

export interface ReminderReport {
  reminded: number;
}

export async function sendReminders(now: Date, limit = 200): Promise<ReminderReport> {
  if (!campusEnabled()) return { reminded: 0 };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: appointments.id, startsAt: appointments.startsAt, userid: users.userid })
      .from(appointments)
      .innerJoin(users, eq(users.id, appointments.userId))
      .where(
        and(
          eq(appointments.status, STATUS.APPROVED),
          gt(appointments.startsAt, now),
          lte(appointments.startsAt, new Date(now.getTime() + REMIND_BEFORE_MS)),
          sql`not exists (select 1 from ${bookingReminders} r where r.appointment_id = ${appointments.id} and r.starts_at = ${appointments.startsAt})`,
        ),
      )
      .orderBy(appointments.startsAt)
      .limit(limit);
    let reminded = 0;
    for (const b of due) {
      const [row] = await tx.insert(bookingReminders).values({ appointmentId: b.id, startsAt: b.startsAt, sentAt: now }).onConflictDoNothing().returning();
      if (!row) continue;
      await notifyBooker(tx, b.id, b.userid, `会议将于 ${formatDateTime(b.startsAt).slice(-5)} 开始，请准时参加`, now, { kind: "reminder", title: "会议即将开始" });
      reminded++;
    }
    return { reminded };
  });
}
