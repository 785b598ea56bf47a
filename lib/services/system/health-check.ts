import { sql } from "drizzle-orm";
import { getDbHandle } from "@/lib/db";
import { env } from "@/lib/env";
import pkg from "@/package.json";

export interface HealthReport {
  ok: boolean;
  db: "pglite" | "postgres";
  version: string;
  error?: string;
}

/**
 * Opens the database if needed and runs a trivial query, within a few seconds. `error` is the reason in full, for
 * the server log and authorised callers; the route shows anonymous callers only that the database is unavailable.
 */
export async function healthCheck(timeoutMs = 5000): Promise<HealthReport> {
  let db: HealthReport["db"] = "pglite";
  try {
    db = env().DATABASE_URL ? "postgres" : "pglite";
    await withTimeout(
      (async () => {
        const handle = await getDbHandle();
        db = handle.driver;
        await handle.db.execute(sql`select 1`);
      })(),
      timeoutMs,
    );
    return { ok: true, db, version: pkg.version };
  } catch (e) {
    return { ok: false, db, version: pkg.version, error: e instanceof Error ? e.message.split("\n")[0] : "unreachable" };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
    }),
  ]);
}
