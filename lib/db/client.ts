import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/postgres-js";
import { migrate as migratePg } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env } from "@/lib/env";
import { withReadRetry } from "./availability";
import * as schema from "./schema";

/** One type for both drivers: services never know which one they run on. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What `db.transaction()` hands to its callback. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Driver = "pglite" | "postgres";

export interface DbHandle {
  db: Db;
  driver: Driver;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Postgres connection string; when absent PGlite is used. */
  url?: string;
  /** PGlite data directory; `null` = in memory. */
  dataDir?: string | null;
  /** PGlite: start from a dumped data directory (tests load a migrated snapshot this way). */
  loadDataDir?: Blob;
  /** Skip migrations (the snapshot is already migrated). */
  skipMigrations?: boolean;
  /** Postgres pool size. */
  max?: number;
}

const migrationsFolder = () => path.join(process.cwd(), "drizzle");
// Arbitrary constant: serialises migrations when several servers start at once on one Postgres.
const MIGRATION_LOCK = 72430001;

export async function openDb(opts: OpenOptions = {}): Promise<DbHandle> {
  return opts.url ? openPostgres(opts.url, opts) : openPglite(opts);
}

async function openPostgres(url: string, opts: OpenOptions): Promise<DbHandle> {
  const sql = postgres(url, { max: Math.max(2, opts.max ?? 10), onnotice: () => {}, connect_timeout: 10 });
  try {
    if (!opts.skipMigrations) {
      const reserved = await sql.reserve();
      try {
        // The lock lives on one reserved connection; the migration itself runs on the pool.
        await reserved`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePg(drizzlePg(sql, { schema }), { migrationsFolder: migrationsFolder() });
      } finally {
        await reserved`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
        reserved.release();
      }
    }
  } catch (e) {
    await sql.end({ timeout: 1 });
    throw e;
  }
  // Reads outside transactions survive a dropped connection (one retry); see ./availability.ts.
  const db = drizzlePg(withReadRetry(sql), { schema }) as unknown as Db;
  return { db, driver: "postgres", close: () => sql.end({ timeout: 5 }) };
}

async function openPglite(opts: OpenOptions): Promise<DbHandle> {
  const dir = opts.dataDir === undefined ? env().PGLITE_DIR : opts.dataDir;
  const release = dir ? lockDataDir(dir) : () => {};
  try {
    const client = await PGlite.create({
      dataDir: dir ?? undefined,
      loadDataDir: opts.loadDataDir,
      extensions: { btree_gist },
    });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    if (!opts.skipMigrations) await migratePglite(db as never, { migrationsFolder: migrationsFolder() });
    return {
      db,
      driver: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

export class DataDirInUseError extends Error {}

/**
 * PGlite has no lock of its own: a second process on the same directory silently loses writes.
 * A lock file next to the directory refuses a second opener while the first one lives.
 */
function lockDataDir(dir: string): () => void {
  const abs = path.resolve(dir);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const lockPath = `${abs}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DataDirInUseError(
          `The embedded database directory ${abs} is already in use by process ${owner}. ` +
            `PGlite allows one process per directory: stop that process, or set PGLITE_DIR to another directory, or use DATABASE_URL.`,
        );
      }
      if (owner === process.pid) {
        throw new DataDirInUseError(`The embedded database directory ${abs} is already open in this process.`);
      }
      fs.rmSync(lockPath, { force: true }); // stale lock of a dead process
    }
  }
  throw new DataDirInUseError(`Could not lock the embedded database directory ${abs}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** SQLSTATE of a driver error; drizzle wraps the driver's error in `cause`. */
export function pgErrorCode(e: unknown): string | undefined {
  let cur = e as { code?: unknown; cause?: unknown } | undefined;
  for (let i = 0; cur && i < 5; i++) {
    if (typeof cur.code === "string" && /^[0-9A-Z]{5}$/.test(cur.code)) return cur.code;
    cur = cur.cause as typeof cur;
  }
  return undefined;
}

/** Name of the violated constraint, when the driver reports it. */
export function pgConstraint(e: unknown): string | undefined {
  let cur = e as { constraint?: unknown; constraint_name?: unknown; cause?: unknown } | undefined;
  for (let i = 0; cur && i < 5; i++) {
    const c = cur.constraint ?? cur.constraint_name;
    if (typeof c === "string") return c;
    cur = cur.cause as typeof cur;
  }
  return undefined;
}
