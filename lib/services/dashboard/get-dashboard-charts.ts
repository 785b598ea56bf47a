import "server-only";
import { and, asc, count, eq, gt, gte, lt, min, or, sql } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { appointments, outbox, rooms, settings, STATUS } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime, fromLocal, localParts, startOfLocalDay, zone } from "@/lib/time";

export const CHART_DAYS = 30;
export const UTILIZATION_DAYS = 7;

export interface DayBucket {
  /** yyyy-MM-dd in the campus zone. */
  date: string;
  /** Submissions of that day by their current status code ("0".."4"). */
  byStatus: Record<`${0 | 1 | 2 | 3 | 4}`, number>;
  total: number;
}

export interface RoomUtilization {
  roomId: number;
  place: string;
  available: boolean;
  /** Approved minutes inside the window. */
  bookedMinutes: number;
  /** Open minutes in the window (open hours × days). */
  openMinutes: number;
  /** 0..1 */
  ratio: number;
}

export interface DashboardCharts {
  generatedAt: string;
  perDay: DayBucket[];
  utilization: { from: string; to: string; rooms: RoomUtilization[] };
  queue: { pending: number; oldestId: number | null; oldestSubmittedAt: string | null; oldestAgeMinutes: number | null };
  deliveries: { failed: number; pending: number };
}

const emptyStatus = () => ({ "0": 0, "1": 0, "2": 0, "3": 0, "4": 0 });

/**
 * What the console's dashboard draws beyond the legacy /server counters: submissions per day for the last 30 days
 * by (current) status, how much of the next 7 days' open time each room is booked, the review queue, and the
 * outbox's undelivered messages.
 *
 * Utilization covers today and the next 6 days; approved bookings that ended and were relabelled expired still count
 * (expired_from). Utilization over any past range is the reports page's (lib/services/reports).
 */
export async function getDashboardCharts(actor: SessionAdmin | null, now = new Date()): Promise<DashboardCharts> {
  if (!actor) throw new AppError(1005);
  const db = await getDb();
  const tz = zone();

  const today = startOfLocalDay(now);
  const t = localParts(today);
  const firstDay = fromLocal(t.year, t.month, t.day - (CHART_DAYS - 1), 0);
  const dayExpr = sql<string>`to_char(${appointments.submittedAt} at time zone ${tz}, 'YYYY-MM-DD')`;
  const perDayRows = await db
    .select({ day: dayExpr, status: appointments.status, n: count() })
    .from(appointments)
    .where(gte(appointments.submittedAt, firstDay))
    // By position: the zone is a bound parameter, and Postgres cannot match $1 in the select list to $3 in GROUP BY.
    .groupBy(sql`1`, sql`2`);
  const perDay: DayBucket[] = [];
  for (let i = 0; i < CHART_DAYS; i++) {
    perDay.push({ date: formatDate(fromLocal(t.year, t.month, t.day - (CHART_DAYS - 1) + i, 12 * 60)), byStatus: emptyStatus(), total: 0 });
  }
  const index = new Map(perDay.map((d, i) => [d.date, i]));
  for (const r of perDayRows) {
    const i = index.get(r.day);
    if (i === undefined) continue;
    const key = String(r.status) as keyof DayBucket["byStatus"];
    perDay[i].byStatus[key] += Number(r.n);
    perDay[i].total += Number(r.n);
  }

  const windowEnd = fromLocal(t.year, t.month, t.day + UTILIZATION_DAYS, 0);
  const [s] = await db.select().from(settings).where(eq(settings.id, 1));
  const openPerDay = s ? s.closeMinute - s.openMinute : 14 * 60;
  const openMinutes = openPerDay * UTILIZATION_DAYS;
  // Instants inside raw SQL go in as ISO text with a cast: postgres-js cannot bind a Date there.
  const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const booked = sql<string>`coalesce(sum(extract(epoch from (least(${appointments.endsAt}, ${ts(windowEnd)}) - greatest(${appointments.startsAt}, ${ts(today)})))), 0)`;
  const usage = await db
    .select({ roomId: appointments.roomId, seconds: booked })
    .from(appointments)
    .where(
      and(
        // Approved, or approved and since ended (the expiry run keeps the former status): today's past hours count.
        or(eq(appointments.status, STATUS.APPROVED), and(eq(appointments.status, STATUS.EXPIRED), eq(appointments.expiredFrom, STATUS.APPROVED))),
        lt(appointments.startsAt, windowEnd),
        gt(appointments.endsAt, today),
      ),
    )
    .groupBy(appointments.roomId);
  const usedBy = new Map(usage.map((u) => [u.roomId, Math.round(Number(u.seconds) / 60)]));
  const roomRows = await db.select().from(rooms).orderBy(asc(rooms.id));
  const utilization = roomRows
    .filter((r) => r.available || usedBy.has(r.id))
    .map((r) => {
      const bookedMinutes = usedBy.get(r.id) ?? 0;
      return {
        roomId: r.id,
        place: r.place,
        available: r.available,
        bookedMinutes,
        openMinutes,
        ratio: openMinutes > 0 ? Math.min(1, bookedMinutes / openMinutes) : 0,
      };
    })
    .sort((a, b) => b.ratio - a.ratio || a.place.localeCompare(b.place, "zh-CN"));

  const [q] = await db
    .select({ n: count(), oldest: min(appointments.submittedAt) })
    .from(appointments)
    .where(eq(appointments.status, STATUS.PENDING));
  let oldestId: number | null = null;
  const oldest = q.oldest ? new Date(q.oldest as unknown as string | Date) : null;
  if (oldest) {
    const [o] = await db
      .select({ id: appointments.id })
      .from(appointments)
      .where(eq(appointments.status, STATUS.PENDING))
      .orderBy(asc(appointments.submittedAt), asc(appointments.id))
      .limit(1);
    oldestId = o?.id ?? null;
  }

  const deliveryRows = await db
    .select({ status: outbox.status, n: count() })
    .from(outbox)
    .where(sql`${outbox.status} in ('failed', 'pending')`)
    .groupBy(outbox.status);
  const deliveries = { failed: 0, pending: 0 };
  for (const d of deliveryRows) deliveries[d.status as "failed" | "pending"] = Number(d.n);

  return {
    generatedAt: formatDateTime(now),
    perDay,
    utilization: { from: formatDate(today), to: formatDate(new Date(windowEnd.getTime() - 1)), rooms: utilization },
    queue: {
      pending: Number(q.n),
      oldestId,
      oldestSubmittedAt: oldest ? formatDateTime(oldest) : null,
      oldestAgeMinutes: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 60000)) : null,
    },
    deliveries,
  };
}
