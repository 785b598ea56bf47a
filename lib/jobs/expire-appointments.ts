import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { STATUS } from "@/lib/db/schema";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { statusName } from "@/lib/services/audit/summaries";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";

export const EXPIRED_INFO = "预约已过期";

export interface ExpiryReport {
  expired: number;
  /** How many of each former status: approved, cancelled and rejected whose end passed, pending whose start passed. */
  from: { approved: number; cancelled: number; rejected: number; pending: number };
}

/**
 * Approved, cancelled and rejected bookings whose end has passed, and pending ones whose start has passed, become
 * expired (legacy-behaviour §5.3, A4: a pending booking is never approved late). Rows already expired are left alone.
 * The former status and check_info are kept (expired_from, expired_check_info): reports count approved time and
 * no-shows over past ranges.
 * Rows locked by a review in progress are skipped and caught by the next run.
 */
export async function expireAppointments(now: Date): Promise<ExpiryReport> {
  const db = await getDb();
  // Raw SQL takes instants as ISO strings: postgres-js cannot bind a Date inside drizzle's sql``.
  const at = sql`${now.toISOString()}::timestamptz`;
  // The expiry and its book_update events for Open API subscribers commit together.
  return db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      with target as (
        select id, status, check_info from appointments
        where (status in (${STATUS.APPROVED}, ${STATUS.CANCELLED}, ${STATUS.REJECTED}) and ends_at < ${at})
           or (status = ${STATUS.PENDING} and starts_at < ${at})
        for update skip locked
      )
      update appointments a
         set status = ${STATUS.EXPIRED}, check_info = ${EXPIRED_INFO}, updated_at = ${at},
             expired_from = target.status, expired_check_info = target.check_info
        from target
       where a.id = target.id
      returning a.id, target.status as previous`);
    const rows = rowsOf<{ id: number; previous: number }>(result);
    await emitOpenEvent(tx, "book_update", rows.map((r) => Number(r.id)));
    for (const r of rows) {
      await recordAudit(tx, {
        action: "booking.expired",
        objectKind: "booking",
        objectId: Number(r.id),
        before: { status: statusName(Number(r.previous)) },
        after: { status: "expired" },
      });
    }
    const count = (s: number) => rows.filter((r) => Number(r.previous) === s).length;
    return {
      expired: rows.length,
      from: {
        approved: count(STATUS.APPROVED),
        cancelled: count(STATUS.CANCELLED),
        rejected: count(STATUS.REJECTED),
        pending: count(STATUS.PENDING),
      },
    };
  });
}
