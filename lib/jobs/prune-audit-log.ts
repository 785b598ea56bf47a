import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";

export interface AuditPruneReport {
  deleted: number;
  /** Audit rows recorded before this instant were deleted. */
  cutoff: string;
  truncated: boolean;
}

const BATCH = 5000;

/**
 * Deletes audit rows older than `days` days before `now` (AUDIT_RETENTION_DAYS), in batches so a large backlog
 * never holds locks for long; stops at the deadline and leaves the rest to the next run. Nothing newer is touched.
 */
export async function pruneAuditLog(now: Date, days: number, deadline: number): Promise<AuditPruneReport> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  let deleted = 0;
  for (;;) {
    if (Date.now() >= deadline) return { deleted, cutoff: cutoff.toISOString(), truncated: true };
    const result = await db.execute(sql`
      delete from audit_log where id in (
        select id from audit_log where at < ${cutoff.toISOString()}::timestamptz order by at limit ${BATCH})
      returning id`);
    const n = rowsOf(result).length;
    deleted += n;
    if (n < BATCH) return { deleted, cutoff: cutoff.toISOString(), truncated: false };
  }
}
