import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { STATUS } from "@/lib/db/schema";
import { recordAudit } from "@/lib/services/audit/record-audit";

export interface CleanReport {
  deleted: number;
  /** Expired bookings that ended before this instant were deleted. */
  cutoff: string;
  truncated: boolean;
}

const BATCH = 1000;

/**
 * Deletes expired bookings whose end lies more than `days` days before `now` — nothing else (A4; the legacy deleted
 * every expired row at once). In batches, so a large backlog never holds locks for long; stops at the deadline.
 */
export async function cleanExpired(now: Date, days: number, deadline: number): Promise<CleanReport> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  let deleted = 0;
  for (;;) {
    if (Date.now() >= deadline) return { deleted, cutoff: cutoff.toISOString(), truncated: true };
    // Each batch and its audit row (which bookings went, by which rule) commit together.
    const n = await db.transaction(async (tx) => {
      const result = await tx.execute(sql`
        delete from appointments where id in (
          select id from appointments where status = ${STATUS.EXPIRED} and ends_at < ${cutoff.toISOString()}::timestamptz
          order by id limit ${BATCH} for update skip locked)
        returning id`);
      const ids = rowsOf<{ id: number }>(result).map((r) => Number(r.id));
      if (ids.length > 0) {
        await recordAudit(tx, {
          action: "booking.cleaned",
          objectKind: "booking",
          before: { status: "expired", count: ids.length, ids },
          after: { deleted: true, olderThanDays: days, cutoff: cutoff.toISOString() },
        });
      }
      return ids.length;
    });
    deleted += n;
    if (n < BATCH) return { deleted, cutoff: cutoff.toISOString(), truncated: false };
  }
}
