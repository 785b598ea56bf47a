import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { STATUS } from "@/lib/db/schema";

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
    const result = await db.execute(sql`
      delete from appointments where id in (
        select id from appointments where status = ${STATUS.EXPIRED} and ends_at < ${cutoff.toISOString()}::timestamptz
        order by id limit ${BATCH} for update skip locked)
      returning id`);
    const n = rowsOf(result).length;
    deleted += n;
    if (n < BATCH) return { deleted, cutoff: cutoff.toISOString(), truncated: false };
  }
}
