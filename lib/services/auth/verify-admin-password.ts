import "server-only";
import { sql } from "drizzle-orm";
import { verifyPassword } from "@/lib/crypto/password";
import type { TokenAdmin } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import { AppError, E } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { hitRateLimit } from "@/lib/services/rate-limit/hit-rate-limit";
import { releaseRateLimit } from "@/lib/services/rate-limit/release-rate-limit";
import { throttlePair, type PairThrottle } from "@/lib/services/rate-limit/throttle-pair";
import { adminActor } from "@/lib/request-context";

export const LOGIN_WINDOW_MS = 15 * 60_000;

export interface LoginLimits {
  /** Per (username, client address): a growing delay after a few failures. */
  pair: PairThrottle;
  /** Failures per client address per window, whatever the usernames (password spraying). */
  perAddress: number;
  /** Failures per username per window from anywhere; a known device of that admin is not held by it. */
  perUsername: number;
}

export const LOGIN_LIMITS: LoginLimits = {
  pair: { free: 3, firstDelayMs: 10_000, maxDelayMs: LOGIN_WINDOW_MS, resetAfterMs: 60 * 60_000 },
  perAddress: 30,
  perUsername: 100,
};

export interface LoginClient {
  address: string;
  /** The admin id this browser's signed known-device cookie vouches for (lib/auth/known-device.ts). */
  knownAdminId?: number | null;
}

/**
 * Admin password sign-in (legacy E21, argon2id). Guessing is throttled three ways, each refused with 4003:
 * per (username, client address) with a wait that doubles after 3 failures (10 s, 20 s, … up to 15 minutes,
 * counted from the end of the last failure); per client
 * address (30 failures in 15 minutes); and per username from anywhere (100 failures in 15 minutes) — except for a
 * browser where this admin signed in before (known device), so strangers cannot lock the owner out. Every attempt
 * is counted before the check and given back when it succeeds, so concurrent guesses cannot slip past a limit.
 * Any failure is 1002, whatever was wrong; every attempt costs one argon2 verification.
 */
export async function verifyAdminPassword(
  username: string,
  password: string,
  client: string | LoginClient,
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<TokenAdmin> {
  const { address, knownAdminId = null } = typeof client === "string" ? { address: client } : client;
  const name = username.trim();
  const lower = name.toLowerCase();
  const db = await getDb();
  const [row] = name ? await db.select().from(admins).where(sql`lower(${admins.username}) = lower(${name})`) : [];
  const known = row !== undefined && knownAdminId === row.id;

  const pairKey = `admin-login:pair:${lower}:${address}`;
  const addressKey = `admin-login:addr:${address}`;
  const userKey = `admin-login:user:${lower}`;
  const pair = await throttlePair(pairKey, limits.pair);
  if (!pair.allowed) throw new AppError(E.RATE_LIMITED);
  const counted = [pairKey];
  const byAddress = await hitRateLimit(addressKey, limits.perAddress, LOGIN_WINDOW_MS);
  counted.push(addressKey);
  let allowed = byAddress.allowed;
  if (allowed && !known) {
    allowed = (await hitRateLimit(userKey, limits.perUsername, LOGIN_WINDOW_MS)).allowed;
    counted.push(userKey);
  }
  if (!allowed) throw new AppError(E.RATE_LIMITED);

  // An unknown name or an admin without a password costs one argon2 verification too (verifyPassword).
  const ok = await verifyPassword(row?.passwordHash, password);
  if (!row || !ok || !password) {
    await touchPair(pairKey); // the wait runs from the end of this failure, however long the check took
    // Its own statement, committed although the sign-in fails: failed attempts are what an audit is read for.
    await recordAudit(db, {
      action: "auth.admin_sign_in_failed",
      objectKind: "admin",
      objectId: row?.id ?? null,
      actor: { kind: "anonymous", id: null, name: name.slice(0, 64) },
      after: { username: name.slice(0, 64), method: "password", reason: row ? "wrong_password" : "unknown_username" },
    });
    throw new AppError(E.ADMIN_LOGIN_FAILED);
  }

  await Promise.all(counted.map((k) => releaseRateLimit(k)));
  await releasePair(pairKey);
  await recordAudit(db, {
    action: "auth.admin_signed_in",
    objectKind: "admin",
    objectId: row.id,
    actor: adminActor(row),
    after: { method: "password" },
  });
  return { id: row.id, username: row.username, privileged: row.privileged, sv: row.sessionVersion };
}

async function touchPair(key: string) {
  const { rateLimitKey } = await import("@/lib/services/rate-limit/hit-rate-limit");
  const db = await getDb();
  await db.execute(sql`update rate_limits set last_hit_at = greatest(last_hit_at, now()) where key = ${rateLimitKey(key)}`);
}

/** A successful sign-in clears its pair's failures (the delay starts from nothing next time). */
async function releasePair(key: string) {
  const { rateLimitKey } = await import("@/lib/services/rate-limit/hit-rate-limit");
  const db = await getDb();
  await db.execute(sql`delete from rate_limits where key = ${rateLimitKey(key)}`);
}
