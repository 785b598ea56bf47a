// What a topic handler is: one delivery attempt of one message, answering whether it worked and whether trying
// again could help. The engine (deliver-outbox.ts) owns claiming, timeouts, back-off and giving up.

import "server-only";

export interface DeliveryContext {
  id: number;
  topic: string;
  orderingKey: string | null;
  /** 1 for the first try. */
  attempt: number;
  /** Aborted when the attempt's time is up: pass it to fetch. */
  signal: AbortSignal;
}

export type DeliveryOutcome =
  | { ok: true }
  /** `permanent`: retrying cannot help (unknown recipient, malformed payload) — give up at once. */
  | { ok: false; error: string; permanent?: boolean };

export interface OutboxHandler {
  deliver(payload: unknown, ctx: DeliveryContext): Promise<DeliveryOutcome>;
  /** Longest one attempt may take before it counts as failed (default 15 s). */
  timeoutMs?: number;
  /** Tries before the message is marked failed (default 10). */
  maxAttempts?: number;
}

export type HandlerRegistry = Readonly<Record<string, OutboxHandler>>;
