import "server-only";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDbHandle, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { schedulerEnabled } from "@/lib/jobs/scheduler";
import { isDraining } from "@/lib/observability/shutdown";
import pkg from "@/package.json";

// GET /api/health: what a load balancer, a container health check or an on-call engineer needs to know at a glance.
// Answers 503 (ok: false) when any check is out of its bound; the `problems` list says which. Bounds (README,
// "Operations"): database answer ≤ HEALTH_MAX_DB_LATENCY_MS; every migration of this build applied; the oldest due
// outbox message ≤ HEALTH_MAX_OUTBOX_AGE_SECONDS old and the last maintenance run ≤ HEALTH_MAX_MAINTENANCE_AGE_SECONDS
// ago — both judged only where a scheduler is expected to run the maintenance (the in-process timer here, or Vercel's
// cron); a server that is shutting down answers 503 so that load balancers stop sending to it.

export interface HealthReport {
  ok: boolean;
  db: "pglite" | "postgres";
  version: string;
  checks?: {
    database: { latencyMs: number };
    migrations: { applied: string | null; expected: string | null; pending: number };
    outbox: { pending: number; failed: number; oldestDueAgeSeconds: number | null };
    maintenance: { lastRunAt: string | null; ageSeconds: number | null; scheduled: boolean };
  };
  draining?: boolean;
  problems?: string[];
  /** Why the database could not be checked, in full: for the server log and authorised callers only (the route hides it). */
  error?: string;
}

export interface HealthBounds {
  maxDbLatencyMs: number;
  maxOutboxAgeSeconds: number;
  maxMaintenanceAgeSeconds: number;
}

export function healthBounds(): HealthBounds {
  const e = env();
  return {
    maxDbLatencyMs: e.HEALTH_MAX_DB_LATENCY_MS,
    maxOutboxAgeSeconds: e.HEALTH_MAX_OUTBOX_AGE_SECONDS,
    maxMaintenanceAgeSeconds: e.HEALTH_MAX_MAINTENANCE_AGE_SECONDS,
  };
}

const started = Date.now();

/** Opens the database if needed and checks it, within a few seconds. Never says more than numbers and names. */
export async function healthCheck(opts: { timeoutMs?: number; now?: Date; scheduled?: boolean } = {}): Promise<HealthReport> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  let db: HealthReport["db"] = "pglite";
  try {
    db = env().DATABASE_URL ? "postgres" : "pglite";
    return await withTimeout(
      (async () => {
        const handle = await getDbHandle();
        db = handle.driver;
        return evaluate(handle.db, db, opts.now ?? new Date(), opts.scheduled ?? (schedulerEnabled() || Boolean(env().VERCEL)));
      })(),
      timeoutMs,
    );
  } catch (e) {
    return { ok: false, db, version: pkg.version, problems: ["database unreachable"], error: e instanceof Error ? e.message.split("\n")[0] : "unreachable" };
  }
}

async function evaluate(db: Db, driver: HealthReport["db"], now: Date, scheduled: boolean): Promise<HealthReport> {
  const bounds = healthBounds();
  const t0 = performance.now();
  await db.execute(sql`select 1`);
  const latencyMs = Math.round((performance.now() - t0) * 10) / 10;

  const [migrationRows, outboxRows, jobRows] = await Promise.all([
    db.execute(sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`),
    // Each figure from outbox_due_idx (status, next_attempt_at): delivered messages, which pile up until the
    // clean-up, are never read, so the check stays as cheap as the queue is short.
    db.execute(sql`select
        (select count(*) from outbox where status = 'pending')::int as pending,
        (select count(*) from outbox where status = 'failed')::int as failed,
        extract(epoch from (${now.toISOString()}::timestamptz - (select min(next_attempt_at) from outbox
          where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz)))::float8 as oldest`),
    db.execute(sql`select last_run_at from job_state where name = 'maintenance'`),
  ]);
  const rows = (r: unknown) => ((r as { rows?: Record<string, unknown>[] }).rows ?? (r as Record<string, unknown>[]));

  const journal = readJournal();
  const appliedAt = Number(rows(migrationRows)[0]?.at ?? 0);
  const applied = journal.find((j) => j.when === appliedAt)?.tag ?? (appliedAt ? String(appliedAt) : null);
  const expected = journal.at(-1)?.tag ?? null;
  const pending = journal.filter((j) => j.when > appliedAt).length;

  const o = rows(outboxRows)[0] ?? {};
  const oldest = o.oldest == null ? null : Math.max(0, Math.round(Number(o.oldest)));
  const last = rows(jobRows)[0]?.last_run_at;
  const lastRunAt = last ? new Date(last as string | Date) : null;
  const ageSeconds = lastRunAt ? Math.max(0, Math.round((now.getTime() - lastRunAt.getTime()) / 1000)) : null;

  const problems: string[] = [];
  if (latencyMs > bounds.maxDbLatencyMs) problems.push(`database answered in ${latencyMs} ms (bound ${bounds.maxDbLatencyMs} ms)`);
  if (pending > 0) problems.push(`${pending} migration(s) not applied`);
  if (scheduled) {
    if (oldest != null && oldest > bounds.maxOutboxAgeSeconds)
      problems.push(`oldest due outbox message waits ${oldest} s (bound ${bounds.maxOutboxAgeSeconds} s)`);
    const upSeconds = (now.getTime() - started) / 1000;
    const stale = ageSeconds == null ? upSeconds > bounds.maxMaintenanceAgeSeconds : ageSeconds > bounds.maxMaintenanceAgeSeconds;
    if (stale) problems.push(`maintenance last ran ${ageSeconds == null ? "never" : `${ageSeconds} s ago`} (bound ${bounds.maxMaintenanceAgeSeconds} s)`);
  }
  const draining = isDraining();
  if (draining) problems.push("shutting down");

  return {
    ok: problems.length === 0,
    db: driver,
    version: pkg.version,
    checks: {
      database: { latencyMs },
      migrations: { applied, expected, pending },
      outbox: { pending: Number(o.pending ?? 0), failed: Number(o.failed ?? 0), oldestDueAgeSeconds: oldest },
      maintenance: { lastRunAt: lastRunAt?.toISOString() ?? null, ageSeconds, scheduled },
    },
    ...(draining ? { draining } : {}),
    ...(problems.length ? { problems } : {}),
  };
}

interface JournalEntry {
  tag: string;
  when: number;
}

let journalCache: JournalEntry[] | undefined;
function readJournal(): JournalEntry[] {
  if (!journalCache) {
    try {
      const file = path.join(process.cwd(), "drizzle", "meta", "_journal.json");
      journalCache = (JSON.parse(fs.readFileSync(file, "utf8")).entries as JournalEntry[]).sort((a, b) => a.when - b.when);
    } catch {
      journalCache = [];
    }
  }
  return journalCache;
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
