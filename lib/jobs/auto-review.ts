import "server-only";
import { and, asc, eq, gt, inArray, notInArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, STATUS } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { AUTO_REVIEWER } from "@/lib/services/booking/check-info";
import { approveAppointments } from "@/lib/services/review/approve-appointments";

/** The approve service's signature (tests may wrap it). */
export type ApproveAppointments = typeof approveAppointments;

export interface AutoReviewReport {
  /** Bookings handed to the approve service, first come first served. */
  reviewed: number;
  approved: number;
  /** Refused because the slot was already taken (`自动审核：已被他人抢先占用`). */
  taken: number;
  /** Pending bookings rejected by the cascade of an earlier approval in this run. */
  cascadeRejected: number;
  /** Bookings the service refused (no longer pending, …). */
  skipped: number;
  truncated: boolean;
}

/**
 * Approves pending bookings one at a time, oldest submission first, through the same service as manual review, with
 * the checker `自动审核`. The next booking is re-read after every approval, so one that an approval's cascade just
 * rejected is not processed again (the legacy's stale list sent it a second message). Bookings whose start has
 * passed are left to expiry. Stops at the deadline; the rest waits for the next run.
 */
export async function autoReview(now: Date, deadline: number, approve: ApproveAppointments = approveAppointments): Promise<AutoReviewReport> {
  const db = await getDb();
  const pendingNow = and(eq(appointments.status, STATUS.PENDING), gt(appointments.startsAt, now));
  const initial = (await db.select({ id: appointments.id }).from(appointments).where(pendingNow)).map((r) => r.id);
  const attempted: number[] = [];
  let skipped = 0;
  let truncated = false;
  for (;;) {
    const [next] = await db
      .select({ id: appointments.id })
      .from(appointments)
      .where(attempted.length ? and(pendingNow, notInArray(appointments.id, attempted)) : pendingNow)
      .orderBy(asc(appointments.submittedAt), asc(appointments.id))
      .limit(1);
    if (!next) break;
    if (Date.now() >= deadline) {
      truncated = true;
      break;
    }
    attempted.push(next.id);
    try {
      await approve([next.id], { adminId: null, name: AUTO_REVIEWER }, { now });
    } catch (e) {
      if (!isAppError(e)) throw e;
      skipped++;
    }
  }

  const touched = [...new Set([...initial, ...attempted])];
  const final = touched.length
    ? await db.select({ id: appointments.id, status: appointments.status }).from(appointments).where(inArray(appointments.id, touched))
    : [];
  const statusOf = new Map(final.map((r) => [r.id, r.status]));
  const tried = new Set(attempted);
  return {
    reviewed: attempted.length,
    approved: attempted.filter((id) => statusOf.get(id) === STATUS.APPROVED).length,
    taken: attempted.filter((id) => statusOf.get(id) === STATUS.REJECTED).length,
    cascadeRejected: initial.filter((id) => !tried.has(id) && statusOf.get(id) === STATUS.REJECTED).length,
    skipped,
    truncated,
  };
}
