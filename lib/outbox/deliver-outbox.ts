import "server-only";
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { outbox } from "@/lib/db/schema";
import { defaultHandlers } from "./handlers";
import type { DeliveryOutcome, HandlerRegistry, OutboxHandler } from "./handlers/types";
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT_MS, leaseMs, retryDelayMs } from "./retry-policy";

export interface DeliverOptions {
  /** The clock (tests pin it). */
  now?: () => Date;
  /** Stop claiming new messages after this many milliseconds (attempts already started finish). */
  budgetMs?: number;
  /** Messages claimed per round; also the number of attempts running in parallel. */
  batchSize?: number;
  /** Handlers by topic; messages of topics without a handler stay pending (a later release may bring one). */
  handlers?: HandlerRegistry;
  /** Only these messages (a prompt delivery right after the change that wrote them). */
  ids?: number[];
}

export interface DeliveryReport {
  delivered: number;
  /** Failed this time, will be tried again later. */
  retrying: number;
  /** Gave up (permanent error or out of tries): status `failed`. */
  failed: number;
  /** Stopped because the time budget was spent while messages were still due. */
  truncated: boolean;
}

type Claimed = typeof outbox.$inferSelect;

/**
 * Sends due outbox messages. Safe to run any number of times at once, in one process or many: each message is
 * claimed atomically (row lock with SKIP LOCKED, then a lease), so it is attempted by one deliverer at a time, and a
 * delivered message is never sent again. A message waits while an earlier message with the same ordering key is
 * still pending. Never throws because a handler failed; the failure is recorded on the message.
 */
export async function deliverOutbox(opts: DeliverOptions = {}): Promise<DeliveryReport> {
  const db = await getDb();
  const now = opts.now ?? (() => new Date());
  const handlers = opts.handlers ?? defaultHandlers();
  const topics = Object.keys(handlers);
  const batchSize = opts.batchSize ?? 8;
  const deadline = Date.now() + (opts.budgetMs ?? 20_000);
  const report: DeliveryReport = { delivered: 0, retrying: 0, failed: 0, truncated: false };
  if (topics.length === 0) return report;

  for (;;) {
    if (Date.now() >= deadline) {
      report.truncated = (await claim(db, topics, handlers, now(), 1, opts.ids, true)).length > 0;
      break;
    }
    const batch = await claim(db, topics, handlers, now(), batchSize, opts.ids, false);
    if (batch.length === 0) break;
    const outcomes = await Promise.all(batch.map((m) => attempt(m, handlers[m.topic])));
    // The delivered ones in one statement (a review sends a message per booker); the others one by one.
    const delivered = batch.filter((_, i) => outcomes[i].ok);
    if (delivered.length > 0) {
      await markDelivered(db, delivered, now());
      report.delivered += delivered.length;
    }
    for (let i = 0; i < batch.length; i++) {
      const outcome = outcomes[i];
      if (outcome.ok) continue;
      report[await record(db, batch[i], handlers[batch[i].topic], outcome, now())]++;
    }
  }
  return report;
}

/**
 * Claims up to `limit` due messages: pending, due, of a handled topic, with no earlier pending message of the same
 * ordering key. Claiming counts the attempt and pushes next_attempt_at past the attempt's lease, in one statement.
 * `peek` only looks.
 */
async function claim(
  db: Db,
  topics: string[],
  handlers: HandlerRegistry,
  at: Date,
  limit: number,
  ids: number[] | undefined,
  peek: boolean,
): Promise<Claimed[]> {
  const due = and(
    eq(outbox.status, "pending"),
    // The database's clock too: messages are stamped with its now(), which may lead ours by a fraction of a millisecond.
    lte(outbox.nextAttemptAt, sql`greatest(${at.toISOString()}::timestamptz, now())`),
    inArray(outbox.topic, topics),
    ids ? inArray(outbox.id, ids.length ? ids : [-1]) : undefined,
    sql`not exists (select 1 from outbox earlier where earlier.ordering_key = ${outbox.orderingKey}
        and earlier.id < ${outbox.id} and earlier.status = 'pending')`,
  );
  if (peek) return db.select().from(outbox).where(due).limit(limit);
  const candidates = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(due)
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  // One lease for the batch, from the slowest handler among the topics involved (the claim does not know yet).
  const longest = Math.max(...topics.map((t) => handlers[t].timeoutMs ?? DEFAULT_TIMEOUT_MS));
  return db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(at.getTime() + leaseMs(longest)) })
    .where(and(inArray(outbox.id, candidates), eq(outbox.status, "pending")))
    .returning();
}

async function attempt(m: Claimed, handler: OutboxHandler): Promise<DeliveryOutcome> {
  const timeoutMs = handler.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DeliveryOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
  });
  try {
    const ctx = { id: m.id, topic: m.topic, orderingKey: m.orderingKey, attempt: m.attempts, signal: controller.signal };
    return await Promise.race([handler.deliver(m.payload, ctx), timeout]);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** Marks delivered messages, each fenced by its attempt as in `record`. */
async function markDelivered(db: Db, messages: Claimed[], at: Date) {
  const mine = or(...messages.map((m) => and(eq(outbox.id, m.id), eq(outbox.attempts, m.attempts))));
  await db.update(outbox).set({ status: "delivered", deliveredAt: at, lastError: null }).where(and(mine, eq(outbox.status, "pending")));
}

/**
 * Writes a failed attempt's outcome. The `attempts` guard fences off a deliverer whose lease ran out and whose message
 * was claimed again meanwhile: its late answer must not overwrite the newer attempt's state.
 */
async function record(
  db: Db,
  m: Claimed,
  handler: OutboxHandler,
  outcome: Extract<DeliveryOutcome, { ok: false }>,
  at: Date,
): Promise<"retrying" | "failed"> {
  const mine = and(eq(outbox.id, m.id), eq(outbox.attempts, m.attempts), eq(outbox.status, "pending"));
  const error = outcome.error.slice(0, 2000);
  const maxAttempts = handler.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (outcome.permanent || m.attempts >= maxAttempts) {
    await db.update(outbox).set({ status: "failed", lastError: error }).where(mine);
    console.warn(`[meeting] outbox #${m.id} (${m.topic}) failed after ${m.attempts} tries: ${error}`);
    return "failed";
  }
  await db
    .update(outbox)
    .set({ lastError: error, nextAttemptAt: new Date(at.getTime() + retryDelayMs(m.attempts)) })
    .where(mine);
  return "retrying";
}
