// Growing back-off between tries: 30 s, 1 min, 2 min, 4 min … capped at one hour. With the default 10 tries a
// message is retried for about three hours before it is marked failed and shown to admins.

import "server-only";

export const DEFAULT_MAX_ATTEMPTS = 10;
export const DEFAULT_TIMEOUT_MS = 15_000;
const BASE_MS = 30_000;
const CAP_MS = 60 * 60_000;

/** Delay before the next try, after `attempts` failed tries (attempts ≥ 1). */
export function retryDelayMs(attempts: number): number {
  return Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * How long a claimed message stays invisible to other deliverers. Longer than the attempt's timeout, so a message is
 * only claimed again when its deliverer died mid-attempt.
 */
export function leaseMs(timeoutMs: number): number {
  return timeoutMs + 45_000;
}
