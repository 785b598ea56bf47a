import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { campusStatus } from "@/lib/db/schema";

// Last success and last failure of each integration family, for the console's 校园平台 page. Written after a call to
// the platform, outside any business transaction; a failure to write it never fails the caller.

export const FAMILIES = ["people", "departments", "roles", "notices", "calendar", "operlog", "files"] as const;
export type Family = (typeof FAMILIES)[number];

export async function recordFamily(family: Family, outcome: { ok: true } | { ok: false; error: string }, at = new Date()) {
  try {
    const db = await getDb();
    const values = outcome.ok
      ? { family, lastSuccessAt: at, updatedAt: at }
      : { family, lastFailureAt: at, lastError: outcome.error.slice(0, 1000), updatedAt: at };
    await db
      .insert(campusStatus)
      .values(values)
      .onConflictDoUpdate({
        target: campusStatus.family,
        set: outcome.ok
          ? { lastSuccessAt: sql`greatest(${campusStatus.lastSuccessAt}, excluded.last_success_at)`, updatedAt: at }
          : { lastFailureAt: sql`greatest(${campusStatus.lastFailureAt}, excluded.last_failure_at)`, lastError: values.lastError, updatedAt: at },
      });
  } catch (e) {
    console.warn(`[meeting] campus status ${family} not recorded: ${(e as Error).message}`);
  }
}

/** Runs a platform call of `family`, recording its outcome; rethrows failures. */
export async function tracked<T>(family: Family, fn: () => Promise<T>): Promise<T> {
  try {
    const v = await fn();
    await recordFamily(family, { ok: true });
    return v;
  } catch (e) {
    await recordFamily(family, { ok: false, error: e instanceof Error ? e.message : String(e) });
    throw e;
  }
}
