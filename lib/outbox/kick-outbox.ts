import "server-only";
import { after } from "next/server";
import { deliverOutbox } from "./deliver-outbox";

/**
 * Call right after committing a change that wrote outbox messages (a review): tries to deliver them now instead of at
 * the next maintenance run, without making the caller wait. Inside a request it runs after the response has been sent
 * (Next's `after`, which also keeps a serverless function alive for it); elsewhere it runs in the background.
 * Failures stay in the outbox for the maintenance run's retries. Pass the new messages' ids to send only those.
 */
export function kickOutbox(ids?: number[]): void {
  const task = () =>
    deliverOutbox({ ids, budgetMs: 10_000 }).then(
      () => undefined,
      (e) => console.error("[meeting] prompt outbox delivery failed (the maintenance run will retry):", e),
    );
  try {
    after(task);
  } catch {
    // Outside a request scope (scripts, tests, the scheduler).
    setTimeout(task, 0);
  }
}
