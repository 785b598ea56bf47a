import "server-only";
import { env } from "@/lib/env";
import { runMaintenance } from "./run-maintenance";

// Self-hosting: `next start` runs the maintenance every minute in-process (started from instrumentation.ts). With
// several servers each runs its timer; the advisory lock in runMaintenance makes the extra runs harmless no-ops.
// Off with SCHEDULER=0, and on Vercel, where the cron in vercel.json calls /meeting/api/cron/maintenance instead.

const EVERY_MS = 60_000;
// Let the server finish starting (and the embedded database open) before the first run.
const FIRST_RUN_MS = 5_000;

const g = globalThis as unknown as { __meetingScheduler?: NodeJS.Timeout };

export function schedulerEnabled(): boolean {
  const e = env();
  return e.SCHEDULER && !e.VERCEL;
}

/** Starts the timer once per process (a dev-server reload does not start a second one). */
export function startScheduler(): boolean {
  if (g.__meetingScheduler || !schedulerEnabled()) return false;
  const tick = async () => {
    try {
      const report = await runMaintenance();
      const failed = Object.entries(report.steps ?? {}).filter(([, s]) => !s.ok);
      if (failed.length) console.error(`[meeting] maintenance: ${failed.map(([name]) => name).join(", ")} failed`, report);
    } catch (e) {
      // Never let the timer die (legacy-behaviour §10.18): log and try again next minute.
      console.error("[meeting] maintenance run failed:", e);
    } finally {
      if (g.__meetingScheduler) {
        g.__meetingScheduler = setTimeout(tick, EVERY_MS);
        g.__meetingScheduler.unref();
      }
    }
  };
  g.__meetingScheduler = setTimeout(tick, FIRST_RUN_MS);
  g.__meetingScheduler.unref();
  console.log("[meeting] in-process maintenance scheduler started (every minute; SCHEDULER=0 turns it off)");
  return true;
}

export function stopScheduler() {
  if (g.__meetingScheduler) clearTimeout(g.__meetingScheduler);
  g.__meetingScheduler = undefined;
}
