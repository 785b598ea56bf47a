import fs from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { openDb, type DbHandle } from "../client";
import { setDbHandleForTests } from "../index";
import { ensureBaseData } from "../seed";

let counter = 0;

/** A fresh, migrated database of the project's driver (TEST_DB), seeded with the base data. */
export async function createTestDb(opts: { seed?: boolean } = {}): Promise<DbHandle> {
  let handle: DbHandle;
  if (process.env.TEST_DB === "postgres") {
    const templateUrl = inject("pgTemplate");
    if (!templateUrl) throw new Error("TEST_DATABASE_URL is not set");
    const template = new URL(templateUrl).pathname.slice(1);
    const name = `${template}_${process.pid}_${++counter}`;
    const admin = postgres(templateUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${template}"`);
    await admin.end();
    const u = new URL(templateUrl);
    u.pathname = `/${name}`;
    handle = await openDb({ url: u.toString(), skipMigrations: true });
  } else {
    const snapshot = fs.readFileSync(inject("pgliteSnapshot"));
    handle = await openDb({ dataDir: null, loadDataDir: new Blob([snapshot]), skipMigrations: true });
  }
  if (opts.seed !== false) await ensureBaseData(handle.db);
  return handle;
}

/**
 * Installs a fresh database as the app's database (getDb()) for the tests of one file and closes it afterwards.
 * Returns a getter because the handle exists only once beforeAll has run.
 */
export function useTestDb(opts: { seed?: boolean } = {}) {
  let handle: DbHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDb(opts);
    setDbHandleForTests(handle);
  });
  afterAll(async () => {
    setDbHandleForTests(undefined);
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("useTestDb(): database not ready (use it inside tests or hooks)");
    return handle;
  };
}
