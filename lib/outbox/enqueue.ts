import "server-only";
import type { Db, Tx } from "@/lib/db";
import { outbox } from "@/lib/db/schema";

export type OutboxTopic = "wecom.message" | "openapi.event" | "campus.call";

export interface OutboxMessage {
  topic: OutboxTopic;
  /** Messages with the same key are delivered in the order they were written (e.g. `appointment:42`). */
  orderingKey?: string;
  payload: Record<string, unknown>;
}

/**
 * Records messages in the caller's transaction: they exist if and only if the change that caused them commits,
 * and are delivered after commit by the maintenance run (lib/outbox/deliver-outbox.ts). Never call a vendor here.
 * After the commit, `kickOutbox(ids)` (lib/outbox/kick-outbox.ts) delivers them at once without waiting for the run.
 */
export async function enqueue(tx: Tx | Db, messages: OutboxMessage | OutboxMessage[]): Promise<number[]> {
  const list = Array.isArray(messages) ? messages : [messages];
  if (list.length === 0) return [];
  const rows = await tx
    .insert(outbox)
    .values(list.map((m) => ({ topic: m.topic, orderingKey: m.orderingKey ?? null, payload: m.payload })))
    .returning({ id: outbox.id });
  return rows.map((r) => r.id);
}
