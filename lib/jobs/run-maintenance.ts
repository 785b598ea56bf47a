import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { pruneRateLimits } from "@/lib/services/rate-limit/prune-rate-limits";
import { settings } from "@/lib/db/schema";
import { deliverOutbox, type DeliveryReport } from "@/lib/outbox/deliver-outbox";
import { runWithRequestContext } from "@/lib/request-context";
import type { HandlerRegistry } from "@/lib/outbox/handlers/types";
import { log } from "@/lib/observability/log";
import { MAINTENANCE_LOCK, withAdvisoryLock } from "./advisory-lock";
import { autoReview, type ApproveAppointments, type AutoReviewReport } from "./auto-review";
import { env } from "@/lib/env";
import { cleanExpired, type CleanReport } from "./clean-expired";
import { expireAppointments, type ExpiryReport } from "./expire-appointments";
import { lastRunAt, recordRun } from "./job-state";
import { pruneAuditLog, type AuditPruneReport } from "./prune-audit-log";
import { sendReminders, type ReminderReport } from "./send-reminders";
import { campusEnabled } from "@/lib/clients/campus/config";
import { deptSyncDue, syncDepartments, type DeptSyncReport } from "@/lib/services/campus/sync-departments";
import { releaseNoShows, type NoShowReport } from "@/lib/services/checkin/release-no-shows";

// The background work of the whole system (architecture.md "Background work"): one idempotent function, run every
// minute by the cron route and by the self-hosted scheduler. Any number of overlapping calls, on any number of
// servers, do the work once: a run that cannot take the advisory lock returns at once with `ran: false`.

export const SYSTEM_ACTOR = { kind: "system", id: null, name: "系统" } as const;

export interface MaintenanceOptions {
  /** The clock (tests pin it). */
  now?: Date;
  /** Outbox handlers by topic (tests install fakes). */
  handlers?: HandlerRegistry;
  /** The approve service auto-review calls (tests only; the default is the manual review's service). */
  approve?: ApproveAppointments;
}

type StepResult<T> = ({ ok: true } & T) | { ok: false; error: string };
type Skipped = { ran: false; reason: string; nextDueAt?: string };

export interface MaintenanceReport {
  ran: boolean;
  /** Why nothing ran (another run holds the lock). */
  reason?: string;
  startedAt: string;
  durationMs: number;
  steps?: {
    noShow: StepResult<NoShowReport & { ms: number }>;
    expiry: StepResult<ExpiryReport & { ms: number }>;
    autoReview: StepResult<(({ ran: true } & AutoReviewReport) | Skipped) & { ms: number }>;
    autoClean: StepResult<(({ ran: true } & CleanReport) | Skipped) & { ms: number }>;
    /** Campus platform only (CAMPUS_API_BASE set): reminders 15 min before, the daily department sync. */
    reminders: StepResult<ReminderReport & { ms: number }>;
    campusDepartments: StepResult<(({ ran: true } & DeptSyncReport) | Skipped) & { ms: number }>;
    outbox: StepResult<DeliveryReport & { ms: number }>;
    auditRetention: StepResult<(({ ran: true; days: number } & AuditPruneReport) | Skipped) & { ms: number }>;
    rateLimits: StepResult<{ deleted: number } & { ms: number }>;
  };
}

// Time budgets per step: a step checks its deadline between batches and leaves the rest to the next run.
const REVIEW_BUDGET_MS = 15_000;
const CLEAN_BUDGET_MS = 5_000;
const OUTBOX_BUDGET_MS = 20_000;
// Cron calls drift by a few seconds; without slack a 1-minute interval would run every other minute.
const DUE_SLACK_MS = 15_000;
// Auto-clean deletes by age (the interval setting), so checking hourly keeps the table tidy without churn.
const CLEAN_EVERY_MS = 60 * 60_000;
// The audit trail is kept for months: deleting what crossed the line once an hour is plenty.
const AUDIT_PRUNE_EVERY_MS = 60 * 60_000;
const AUDIT_PRUNE_BUDGET_MS = 5_000;

export async function runMaintenance(opts: MaintenanceOptions = {}): Promise<MaintenanceReport> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  // Whatever the run changes is recorded in the audit trail as the system, through the maintenance door.
  const locked = await runWithRequestContext({ channel: "maintenance", actor: SYSTEM_ACTOR }, () =>
    withAdvisoryLock(MAINTENANCE_LOCK, () => runSteps(now, opts)),
  );
  if (!locked.acquired) {
    return { ran: false, reason: "another maintenance run is in progress", startedAt: now.toISOString(), durationMs: Date.now() - started };
  }
  const report: MaintenanceReport = { ran: true, startedAt: now.toISOString(), durationMs: Date.now() - started, steps: locked.value };
  await recordRun("maintenance", now, report).catch(() => {});
  logSteps(report);
  return report;
}

async function runSteps(now: Date, opts: MaintenanceOptions): Promise<NonNullable<MaintenanceReport["steps"]>> {
  // No-show release before expiry: a short booking nobody checked in to is released (and counted) even when it has
  // already ended by the time this run sees it.
  const noShow = await step(() => releaseNoShows(now));
  // Then expiry: a pending booking whose start has passed must expire, not be approved late.
  const expiry = await step(() => expireAppointments(now));

  // Settings are read on every run, so a change made through /server/properties applies on the next one.
  const db = await getDb();
  const [cfg] = await db.select().from(settings).where(eq(settings.id, 1));

  const autoReviewResult = await step(async () => {
    if (!cfg?.autoReview) return { ran: false as const, reason: "disabled" };
    const due = await dueAt("auto-review", cfg.autoReviewInterval * 60_000, cfg.updatedAt);
    if (due > now) return { ran: false as const, reason: "not due", nextDueAt: due.toISOString() };
    const r = await autoReview(now, Date.now() + REVIEW_BUDGET_MS, opts.approve);
    // A truncated run is not recorded, so the next minute carries on with the rest of the queue.
    if (!r.truncated) await recordRun("auto-review", now, r);
    return { ran: true as const, ...r };
  });

  const autoClean = await step(async () => {
    if (!cfg?.autoClean) return { ran: false as const, reason: "disabled" };
    const due = await dueAt("auto-clean", CLEAN_EVERY_MS, cfg.updatedAt);
    if (due > now) return { ran: false as const, reason: "not due", nextDueAt: due.toISOString() };
    const r = await cleanExpired(now, cfg.autoCleanInterval, Date.now() + CLEAN_BUDGET_MS);
    if (!r.truncated) await recordRun("auto-clean", now, r);
    return { ran: true as const, ...r };
  });

  const reminders = await step(() => sendReminders(now));
  const campusDepartments = await step(async () => {
    if (!campusEnabled()) return { ran: false as const, reason: "campus platform off" };
    if (!(await deptSyncDue(now))) return { ran: false as const, reason: "not due" };
    return { ran: true as const, ...(await syncDepartments(now)) };
  });

  // Last, so that the messages of this run's reviews go out in the same run.
  const outbox = await step(() => deliverOutbox({ now: () => now, budgetMs: OUTBOX_BUDGET_MS, handlers: opts.handlers }));

  const auditRetention = await step(async () => {
    const last = await lastRunAt("audit-retention");
    const due = last ? new Date(last.getTime() + AUDIT_PRUNE_EVERY_MS - DUE_SLACK_MS) : new Date(0);
    if (due > now) return { ran: false as const, reason: "not due", nextDueAt: due.toISOString() };
    const days = env().AUDIT_RETENTION_DAYS;
    const r = await pruneAuditLog(now, days, Date.now() + AUDIT_PRUNE_BUDGET_MS);
    if (!r.truncated) await recordRun("audit-retention", now, r);
    return { ran: true as const, days, ...r };
  });

  // Throttle counters nobody has hit for a day.
  const rateLimits = await step(() => pruneRateLimits());

  return { noShow, expiry, autoReview: autoReviewResult, autoClean, reminders, campusDepartments, outbox, auditRetention, rateLimits };
}

/** One log line per step (name, ok, duration and what it did), for the operators' log search. */
function logSteps(report: MaintenanceReport) {
  for (const [name, result] of Object.entries(report.steps ?? {})) {
    const { ok, ...fields } = result as { ok: boolean } & Record<string, unknown>;
    (ok ? log.info : log.error)("maintenance.step", { step: name, ok, ...fields });
  }
  log.info("maintenance.run", { durationMs: report.durationMs });
}

/** When a periodic step is next due: at once after a settings change or when it never ran, else interval after the last run. */
async function dueAt(name: "auto-review" | "auto-clean", intervalMs: number, settingsChangedAt: Date): Promise<Date> {
  const last = await lastRunAt(name);
  if (!last || settingsChangedAt > last) return new Date(0);
  return new Date(last.getTime() + intervalMs - DUE_SLACK_MS);
}

/** Runs one step, timing it; a failing step is reported and does not stop the others. */
async function step<T extends object>(fn: () => Promise<T>): Promise<StepResult<T & { ms: number }>> {
  const t0 = Date.now();
  try {
    const value = await fn();
    return { ok: true, ...value, ms: Date.now() - t0 };
  } catch (e) {
    console.error("[meeting] maintenance step failed:", e);
    return { ok: false, error: e instanceof Error ? e.message.split("\n")[0] : String(e) };
  }
}
