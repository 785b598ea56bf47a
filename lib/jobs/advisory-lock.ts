import "server-only";
import type { Sql } from "postgres";
import { getDbHandle } from "@/lib/db";

// Reserved advisory-lock keys (lib/db/client.ts and seed.ts use 72430001/72430002).
export const MAINTENANCE_LOCK = 72430010;

const g = globalThis as unknown as { __meetingLocksHeld?: Set<number> };
const held = (g.__meetingLocksHeld ??= new Set());

/**
 * Runs `fn` only if nobody else — in this process or any other server on the same database — holds `key`; answers
 * `{ acquired: false }` at once otherwise (overlapping runs skip rather than queue up).
 *
 * On Postgres the lock is a session advisory lock on a connection reserved for the duration, so it is released even
 * when this process dies (the connection closes). PGlite is one process with one session, where advisory locks are
 * re-entrant and exclude nothing, so the in-process set is what excludes there (and, on Postgres, it spares a
 * connection for runs that would lose anyway).
 */
export async function withAdvisoryLock<T>(
  key: number,
  fn: () => Promise<T>,
): Promise<{ acquired: true; value: T } | { acquired: false }> {
  if (held.has(key)) return { acquired: false };
  held.add(key);
  try {
    const handle = await getDbHandle();
    if (handle.driver !== "postgres") return { acquired: true, value: await fn() };

    const client = (handle.db as unknown as { $client: Sql }).$client;
    const conn = await client.reserve();
    try {
      const [{ locked }] = await conn<{ locked: boolean }[]>`select pg_try_advisory_lock(${key}) as locked`;
      if (!locked) return { acquired: false };
      try {
        return { acquired: true, value: await fn() };
      } finally {
        await conn`select pg_advisory_unlock(${key})`.catch(() => {});
      }
    } finally {
      conn.release();
    }
  } finally {
    held.delete(key);
  }
}
