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
  const tooSoon = (r: string) =>
    sql`${sql.raw(r)}.hits >= ${t.free} and ${sql.raw(r)}.last_hit_at > now() - make_interval(secs => ${wait(sql.raw(`${r}.hits`))})`;
  const quiet = (r: string) => sql`${sql.raw(r)}.last_hit_at <= now() - make_interval(secs => ${t.resetAfterMs / 1000})`;
  // Whether this attempt counts is decided from the row as it was (read and locked before the upsert, which takes its
  // rows from the verdict so that it runs first; concurrent attempts queue behind the lock), not guessed afterwards
  // from timestamps: two statements in the same clock tick must not both pass.
  const rows = await db.execute<{ counted: boolean; wait_ms: number }>(sql`
    with prev as (select hits, last_hit_at from rate_limits where key = ${k} for update),
    verdict as (
      select coalesce((select not (${tooSoon("prev")}) or ${quiet("prev")} from prev), true) as counted
    )
    insert into rate_limits (key, window_started_at, hits, last_hit_at)
    select ${k}, now(), 1, now() from verdict
    on conflict (key) do update set
      window_started_at = case when ${quiet("rate_limits")} then now() else rate_limits.window_started_at end,
      hits = case when ${quiet("rate_limits")} then 1 when ${tooSoon("rate_limits")} then rate_limits.hits else rate_limits.hits + 1 end,
      last_hit_at = case when ${quiet("rate_limits")} then now() when ${tooSoon("rate_limits")} then rate_limits.last_hit_at else now() end
    returning (select counted from verdict) as counted,
      greatest(0, extract(epoch from (last_hit_at + make_interval(secs => ${wait(sql`hits`)}) - now())) * 1000)::float8 as wait_ms`);
  const row = rowsOf<{ counted: boolean; wait_ms: number }>(rows)[0];
  return { allowed: Boolean(row.counted), retryAfterMs: row.counted ? 0 : Math.ceil(Number(row.wait_ms)) };
}
