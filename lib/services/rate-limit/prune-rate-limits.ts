import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";

/** The longest any throttle looks back (the admin sign-in pair resets after an hour of quiet). */
export const RATE_LIMIT_KEEP_MS = 24 * 60 * 60_000;

/** Deletes counters nobody has hit for a day (the maintenance run): every window they could matter in has passed. */
export async function pruneRateLimits(keepMs = RATE_LIMIT_KEEP_MS): Promise<{ deleted: number }> {
  const db = await getDb();
  const rows = await db.execute<{ n: number }>(sql`
    with gone as (delete from rate_limits where last_hit_at < now() - make_interval(secs => ${keepMs / 1000}) returning 1)
    select count(*)::int as n from gone`);
  return { deleted: Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0) };
}
