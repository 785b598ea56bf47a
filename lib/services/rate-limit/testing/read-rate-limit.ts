// Test helper: reads a rate-limit counter without counting a hit.
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { rateLimitKey } from "../hit-rate-limit";

/** Hits recorded against `key` in its current window (0 when the window has passed), without counting one. */
export async function readRateLimit(key: string, windowMs: number): Promise<number> {
  const db = await getDb();
  const rows = await db.execute<{ hits: number }>(sql`
    select hits from rate_limits
    where key = ${rateLimitKey(key)} and window_started_at > now() - make_interval(secs => ${windowMs / 1000})`);
  return Number(rowsOf<{ hits: number }>(rows)[0]?.hits ?? 0);
}
