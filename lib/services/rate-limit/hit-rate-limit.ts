import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";

export interface RateLimitResult {
  /** Hits in the current window, this one included. */
  hits: number;
  allowed: boolean;
  /** When the current window ends. */
  resetAt: Date;
}

/**
 * The stored key: as given when short, else a digest of it. Keys carry caller-supplied text (usernames, client
 * addresses); an over-long one must never fail the insert (the column holds 200 characters).
 */
export function rateLimitKey(key: string): string {
  if (key.length <= 120) return key;
  return `${key.slice(0, 40)}#${createHash("sha256").update(key).digest("hex")}`;
}

/**
 * Counts one hit against `key` in a fixed window of `windowMs` and says whether it is within `limit`.
 * Kept in the database (one atomic upsert) so every server instance shares the same budget.
 */
export async function hitRateLimit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
  const db = await getDb();
  const seconds = windowMs / 1000;
  const rows = await db.execute<{ hits: number; window_started_at: Date | string }>(sql`
    insert into rate_limits (key, window_started_at, hits, last_hit_at)
    values (${rateLimitKey(key)}, now(), 1, now())
    on conflict (key) do update set
      window_started_at = case when rate_limits.window_started_at <= now() - make_interval(secs => ${seconds})
                               then now() else rate_limits.window_started_at end,
      hits = case when rate_limits.window_started_at <= now() - make_interval(secs => ${seconds})
                  then 1 else rate_limits.hits + 1 end,
      last_hit_at = now()
    returning hits, window_started_at`);
  const row = rowsOf<{ hits: number; window_started_at: Date | string }>(rows)[0];
  const started = new Date(row.window_started_at);
  return { hits: Number(row.hits), allowed: Number(row.hits) <= limit, resetAt: new Date(started.getTime() + windowMs) };
}
