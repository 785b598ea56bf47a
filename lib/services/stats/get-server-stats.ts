import "server-only";
import { count, gte } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, users } from "@/lib/db/schema";
import { getSettings } from "@/lib/services/settings/get-settings";
import { startOfLocalDay } from "@/lib/time";

export interface ServerStats {
  totalUser: number;
  /** Every booking still on record, whatever its status. */
  totalAppointment: number;
  /** Bookings submitted since local midnight (legacy: by hand_time, not by meeting date). */
  totalToday: number;
  autoCheck: boolean;
  autoClean: boolean;
}

export async function getServerStats(now = new Date()): Promise<ServerStats> {
  const db = await getDb();
  const [[u], [a], [t], s] = await Promise.all([
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(appointments),
    db.select({ n: count() }).from(appointments).where(gte(appointments.submittedAt, startOfLocalDay(now))),
    getSettings(db),
  ]);
  return { totalUser: u.n, totalAppointment: a.n, totalToday: t.n, autoCheck: s.autoReview, autoClean: s.autoClean };
}
