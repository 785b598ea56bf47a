import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";

// A value every server instance shares (WeCom access token, jsapi ticket), kept in cache_entries. Refreshing is
// single-flight across processes: the refresher holds a transaction-scoped advisory lock on the key, and whoever
// waited on the lock re-reads the fresh row instead of calling WeCom again. Within a process one promise per key.

export interface Fetched {
  value: string;
  /** Lifetime WeCom announced, in seconds. */
  expiresIn: number;
}

/** Refresh this long before WeCom's expiry (shorter for very short lifetimes, as tests use). */
export const refreshMarginMs = (expiresInMs: number) => Math.min(5 * 60_000, expiresInMs / 2);

const inFlight = new Map<string, Promise<string>>();

async function readFresh(key: string, exec: (q: ReturnType<typeof sql>) => Promise<unknown>): Promise<string | null> {
  // expires_at holds the moment we stop using the value (WeCom's expiry minus the margin).
  const rows = rowsOf<{ value: string }>(await exec(sql`select value from cache_entries where key = ${key} and expires_at > now()`));
  return rows[0]?.value ?? null;
}

export async function sharedCachedValue(key: string, fetcher: () => Promise<Fetched>): Promise<string> {
  const db = await getDb();
  const cached = await readFresh(key, (q) => db.execute(q));
  if (cached) return cached;

  const running = inFlight.get(key);
  if (running) return running;
  const refresh = db
    .transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
      const again = await readFresh(key, (q) => tx.execute(q));
      if (again) return again;
      const { value, expiresIn } = await fetcher();
      const lifeMs = Math.max(1, expiresIn) * 1000;
      const until = new Date(Date.now() + lifeMs - refreshMarginMs(lifeMs));
      await tx.execute(sql`
        insert into cache_entries (key, value, expires_at, updated_at) values (${key}, ${value}, ${until.toISOString()}::timestamptz, now())
        on conflict (key) do update set value = excluded.value, expires_at = excluded.expires_at, updated_at = now()`);
      return value;
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, refresh);
  return refresh;
}

/** Drops a value WeCom rejected; a value another instance has already replaced is kept. */
export async function invalidateSharedValue(key: string, rejected: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`delete from cache_entries where key = ${key} and value = ${rejected}`);
}
