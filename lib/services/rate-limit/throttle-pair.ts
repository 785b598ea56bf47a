import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { rateLimitKey } from "./hit-rate-limit";

export interface PairThrottle {
  /** Attempts allowed without any wait. */
  free: number;
  /** The wait after the (free+1)th failure; it doubles with every further failure. */
  firstDelayMs: number;
  /** The longest wait. */
  maxDelayMs: number;
  /** A quiet period after which the count starts again. */
  resetAfterMs: number;
}

/**
 * Counts one attempt of `key` unless it comes too soon: after `free` failures each further attempt must wait a
 * growing delay since the previous one (doubling, capped). One atomic upsert, so concurrent attempts cannot slip
 * through together. Returns whether the attempt may go ahead (and was counted) and, if not, how long to wait.
 */
export async function throttlePair(key: string, t: PairThrottle): Promise<{ allowed: boolean; retryAfterMs: number }> {
  const db = await getDb();
  const k = rateLimitKey(key);
  // The wait after `hits` failures, in seconds.
  const wait = (hits: unknown) =>
    sql`least(${t.firstDelayMs / 1000}::float8 * power(2, greatest(${hits} - ${t.free}, 0)), ${t.maxDelayMs / 1000}::float8)`;
  const tooSoon = sql`rate_limits.hits >= ${t.free} and rate_limits.last_hit_at > now() - make_interval(secs => ${wait(sql`rate_limits.hits`)})`;
  const quiet = sql`rate_limits.last_hit_at <= now() - make_interval(secs => ${t.resetAfterMs / 1000})`;
  const rows = await db.execute<{ counted: boolean; wait_ms: number }>(sql`
    insert into rate_limits (key, window_started_at, hits, last_hit_at)
    values (${k}, now(), 1, now())
    on conflict (key) do update set
      window_started_at = case when ${quiet} then now() else rate_limits.window_started_at end,
      hits = case when ${quiet} then 1 when ${tooSoon} then rate_limits.hits else rate_limits.hits + 1 end,
      last_hit_at = case when ${quiet} then now() when ${tooSoon} then rate_limits.last_hit_at else now() end
    returning last_hit_at = now() as counted,
      greatest(0, extract(epoch from (last_hit_at + make_interval(secs => ${wait(sql`hits`)}) - now())) * 1000)::float8 as wait_ms`);
  const row = rowsOf<{ counted: boolean; wait_ms: number }>(rows)[0];
  return { allowed: Boolean(row.counted), retryAfterMs: row.counted ? 0 : Math.ceil(Number(row.wait_ms)) };
}
