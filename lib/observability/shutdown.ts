import "server-only";
import { log } from "./log";

// Graceful shutdown. On SIGTERM/SIGINT Next's own server stops accepting connections, finishes the requests in
// flight and exits. Beside it this process: reports `draining` in /api/health at once (load balancers stop sending),
// and stops the maintenance timer so no new run starts. A run already under way holds its advisory lock on a
// Postgres session, which Postgres releases when the process's connections close; its work is transactional and
// outbox claims are leased, so an interrupted run leaves nothing half-done and the next run carries on.

const g = globalThis as unknown as { __meetingDraining?: boolean; __meetingShutdownInstalled?: boolean };

export const isDraining = () => g.__meetingDraining === true;

export function installShutdown(stopScheduler: () => void) {
  if (g.__meetingShutdownInstalled) return;
  g.__meetingShutdownInstalled = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      g.__meetingDraining = true;
      stopScheduler();
      log.info("shutdown", { signal, note: "finishing requests in flight; maintenance timer stopped" });
    });
  }
}
