import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rateLimitKey } from "./hit-rate-limit";

/**
 * Gives back one hit counted by hitRateLimit (an attempt that turned out fine). Counting first and giving back on
 * success keeps "N failures per window" exact under concurrent attempts.
 */
export async function releaseRateLimit(key: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`update rate_limits set hits = greatest(hits - 1, 0) where key = ${rateLimitKey(key)}`);
}
