import { sql } from "drizzle-orm";
import { verifyPassword } from "@/lib/auth/password";
import type { TokenAdmin } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { hitRateLimit } from "@/lib/services/rate-limit/hit-rate-limit";
import { releaseRateLimit } from "@/lib/services/rate-limit/release-rate-limit";

export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;

/**
 * Admin password sign-in (legacy E21, argon2id). At most 5 failures in 15 minutes per username and per client
 * address, then 4003 until the window passes. Every attempt is counted before the check and given back when it
 * succeeds, so concurrent guesses cannot slip past the limit. Any failure is 1002, whatever was wrong.
 */
export async function verifyAdminPassword(username: string, password: string, clientAddress: string): Promise<TokenAdmin> {
  const name = username.trim();
  const keys = [`admin-login:user:${name.toLowerCase()}`, `admin-login:addr:${clientAddress}`];
  const hits = await Promise.all(keys.map((k) => hitRateLimit(k, LOGIN_FAILURE_LIMIT, LOGIN_WINDOW_MS)));
  if (hits.some((h) => !h.allowed)) throw new AppError(4003);

  const db = await getDb();
  const [row] = name ? await db.select().from(admins).where(sql`lower(${admins.username}) = lower(${name})`) : [];
  // An unknown name or an admin without a password costs one argon2 verification too (verifyPassword).
  const ok = await verifyPassword(row?.passwordHash, password);
  if (!row || !ok || !password) throw new AppError(1002);

  await Promise.all(keys.map((k) => releaseRateLimit(k)));
  return { id: row.id, username: row.username, privileged: row.privileged, sv: row.sessionVersion };
}
