import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hitRateLimit } from "./hit-rate-limit";

export type Budget = "search" | "submit";

/**
 * Counts one request of `subject` (a user, or a client address when anonymous) against its budget and refuses it
 * with 4003 when over. Searching and submitting have separate budgets, so searching before booking never blocks
 * the booking (the legacy shared one 5-second timestamp between them).
 */
export async function assertWithinBudget(budget: Budget, subject: string): Promise<void> {
  const e = env();
  const limit = budget === "search" ? e.RATE_LIMIT_SEARCH_PER_MINUTE : e.RATE_LIMIT_SUBMIT_PER_MINUTE;
  const r = await hitRateLimit(`${budget}:${subject}`, limit, 60_000);
  if (!r.allowed) throw new AppError(4003);
}
