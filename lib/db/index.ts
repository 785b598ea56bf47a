import "server-only";
import { env } from "@/lib/env";
import { openDb, type Db, type DbHandle } from "./client";
import { ensureBaseData } from "./seed";

export type { Db, Tx, Driver, DbHandle } from "./client";
export { pgErrorCode, pgConstraint } from "./client";
export { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "./availability";

// One database handle per server process, opened (and migrated, and seeded) on first use.
const g = globalThis as unknown as { __meetingDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  if (!g.__meetingDb) {
    const e = env();
    const opening = (async () => {
      const handle = await openDb({ url: e.DATABASE_URL });
      await ensureBaseData(handle.db, { demo: e.DEMO_DATA });
      return handle;
    })();
    // A failed open (database down, directory locked) is retried on the next request rather than cached forever.
    opening.catch(() => {
      if (g.__meetingDb === opening) g.__meetingDb = undefined;
    });
    g.__meetingDb = opening;
  }
  return g.__meetingDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests install their own database (in-memory PGlite or a throwaway Postgres database). */
export function setDbHandleForTests(handle: DbHandle | undefined) {
  g.__meetingDb = handle ? Promise.resolve(handle) : undefined;
}
