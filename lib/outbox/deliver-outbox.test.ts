import { asc, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { outbox } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { deliverOutbox } from "./deliver-outbox";
import { enqueue, type OutboxMessage } from "./enqueue";
import type { DeliveryOutcome, OutboxHandler } from "./handlers/types";
import { retryDelayMs } from "./retry-policy";

useTestDb();

/** A handler that records what it was asked to deliver and answers from a script. */
function recorder(answer: (payload: { n: number }, attempt: number) => DeliveryOutcome | Promise<DeliveryOutcome> = () => ({ ok: true })) {
  const sent: number[] = [];
  const handler: OutboxHandler = {
    timeoutMs: 200,
    maxAttempts: 4,
    async deliver(payload, ctx) {
      const p = payload as { n: number };
      const outcome = await answer(p, ctx.attempt);
      if (outcome.ok) sent.push(p.n);
      return outcome;
    },
  };
  return { sent, handler };
}

const msg = (n: number, orderingKey?: string): OutboxMessage => ({ topic: "wecom.message", orderingKey, payload: { n } });

async function rows() {
  const db = await getDb();
  return db.select().from(outbox).orderBy(asc(outbox.id));
}

beforeEach(async () => {
  const db = await getDb();
  await db.delete(outbox);
});

describe("outbox delivery", () => {
  it("delivers each due message once; a second run sends nothing", async () => {
    const db = await getDb();
    await enqueue(db, [msg(1), msg(2), msg(3)]);
    const r = recorder();
    const first = await deliverOutbox({ handlers: { "wecom.message": r.handler } });
    expect(first).toMatchObject({ delivered: 3, retrying: 0, failed: 0 });
    const again = await deliverOutbox({ handlers: { "wecom.message": r.handler } });
    expect(again.delivered).toBe(0);
    expect(r.sent.sort()).toEqual([1, 2, 3]);
    expect((await rows()).every((m) => m.status === "delivered" && m.deliveredAt && m.attempts === 1)).toBe(true);
  });

  it("retries a failure with growing back-off, then gives up keeping the last error", async () => {
    const db = await getDb();
    await enqueue(db, msg(1));
    const r = recorder((_, attempt) => ({ ok: false, error: `busy #${attempt}` }));
    let clock = new Date(Date.now() + 1000);
    const handlers = { "wecom.message": r.handler };
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const report = await deliverOutbox({ handlers, now: () => clock });
      const [row] = await rows();
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe(`busy #${attempt}`);
      if (attempt < 4) {
        expect(report.retrying).toBe(1);
        expect(row.status).toBe("pending");
        delays.push(row.nextAttemptAt.getTime() - clock.getTime());
        // Not due before its time.
        clock = new Date(row.nextAttemptAt.getTime() - 1000);
        expect((await deliverOutbox({ handlers, now: () => clock })).retrying).toBe(0);
        clock = row.nextAttemptAt;
      } else {
        expect(report.failed).toBe(1);
        expect(row.status).toBe("failed");
      }
    }
    expect(delays).toEqual([retryDelayMs(1), retryDelayMs(2), retryDelayMs(3)]);
    expect(delays).toEqual([30_000, 60_000, 120_000]);
    // A failed message is never tried again by the engine.
    clock = new Date(clock.getTime() + 86_400_000);
    expect(await deliverOutbox({ handlers, now: () => clock })).toMatchObject({ delivered: 0, retrying: 0, failed: 0 });
  });

  it("gives up at once on a permanent failure", async () => {
    const db = await getDb();
    await enqueue(db, msg(1));
    const r = recorder(() => ({ ok: false, permanent: true, error: "no such user" }));
    expect((await deliverOutbox({ handlers: { "wecom.message": r.handler } })).failed).toBe(1);
    expect((await rows())[0]).toMatchObject({ status: "failed", attempts: 1, lastError: "no such user" });
  });

  it("counts a handler that never answers or throws as a failed attempt", async () => {
    const db = await getDb();
    await enqueue(db, [msg(1), msg(2)]);
    const r = recorder((p) => (p.n === 1 ? new Promise<DeliveryOutcome>(() => {}) : Promise.reject(new Error("socket hang up"))));
    const report = await deliverOutbox({ handlers: { "wecom.message": r.handler } });
    expect(report.retrying).toBe(2);
    const [a, b] = await rows();
    expect(a).toMatchObject({ status: "pending", attempts: 1, lastError: "timed out after 200 ms" });
    expect(b).toMatchObject({ status: "pending", attempts: 1, lastError: "socket hang up" });
  });

  it("keeps the order of an ordering key: a later message waits while an earlier one is pending", async () => {
    const db = await getDb();
    await enqueue(db, [msg(1, "u:a"), msg(2, "u:a"), msg(3, "u:b"), msg(4)]);
    let failFirst = true;
    const r = recorder((p) => {
      if (p.n === 1 && failFirst) return { ok: false, error: "down" };
      return { ok: true };
    });
    const handlers = { "wecom.message": r.handler };
    await deliverOutbox({ handlers });
    // 1 failed and waits for its retry; 2 (same key) must not overtake it; other keys go on.
    expect(r.sent.sort()).toEqual([3, 4]);
    failFirst = false;
    const later = new Date(Date.now() + retryDelayMs(1) + 1000);
    await deliverOutbox({ handlers, now: () => later });
    expect([...r.sent].sort()).toEqual([1, 2, 3, 4]);
    expect(r.sent.indexOf(1)).toBeLessThan(r.sent.indexOf(2));
    expect((await rows()).map((m) => m.status)).toEqual(["delivered", "delivered", "delivered", "delivered"]);
  });

  it("a failed (given-up) message does not block later messages of its key", async () => {
    const db = await getDb();
    await enqueue(db, [msg(1, "k"), msg(2, "k")]);
    const r = recorder((p) => (p.n === 1 ? { ok: false, permanent: true, error: "gone" } : { ok: true }));
    await deliverOutbox({ handlers: { "wecom.message": r.handler } });
    expect(r.sent).toEqual([2]);
  });

  it("leaves messages of topics without a handler pending", async () => {
    const db = await getDb();
    await enqueue(db, [{ topic: "openapi.event", payload: { n: 1 } }, msg(2)]);
    const r = recorder();
    expect((await deliverOutbox({ handlers: { "wecom.message": r.handler } })).delivered).toBe(1);
    const [event] = await rows();
    expect(event).toMatchObject({ topic: "openapi.event", status: "pending", attempts: 0 });
  });

  it("delivers only the given ids when asked (prompt delivery after a change)", async () => {
    const db = await getDb();
    const [a] = await enqueue(db, msg(1));
    await enqueue(db, msg(2));
    const r = recorder();
    await deliverOutbox({ handlers: { "wecom.message": r.handler }, ids: [a] });
    expect(r.sent).toEqual([1]);
  });

  it("retries a message whose deliverer died mid-attempt once its lease has run out", async () => {
    const db = await getDb();
    const [id] = await enqueue(db, msg(1));
    // A deliverer claimed it (attempt counted, lease set) and vanished.
    const leaseEnd = new Date(Date.now() + 60_000);
    await db.update(outbox).set({ attempts: 1, nextAttemptAt: leaseEnd }).where(eq(outbox.id, id));
    const r = recorder();
    await deliverOutbox({ handlers: { "wecom.message": r.handler } });
    expect(r.sent).toEqual([]);
    await deliverOutbox({ handlers: { "wecom.message": r.handler }, now: () => new Date(leaseEnd.getTime() + 1) });
    expect(r.sent).toEqual([1]);
    expect((await rows())[0]).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("a late success from a deliverer whose message was claimed again does not overwrite the newer attempt", async () => {
    const db = await getDb();
    const [late, onTime] = await enqueue(db, [msg(1), msg(2)]);
    const r = recorder(async (p) => {
      // While message 1 is out, its lease runs out and another deliverer claims it (its attempt is counted).
      if (p.n === 1) await db.update(outbox).set({ attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, late));
      return { ok: true };
    });
    await deliverOutbox({ handlers: { "wecom.message": r.handler } });
    const [one, two] = await rows();
    expect(one).toMatchObject({ id: late, status: "pending", attempts: 2, deliveredAt: null });
    expect(two).toMatchObject({ id: onTime, status: "delivered", attempts: 1 });
  });

  it("ten concurrent deliverers send every message exactly once", async () => {
    const db = await getDb();
    await enqueue(db, Array.from({ length: 40 }, (_, i) => msg(i, i % 3 === 0 ? `key-${i % 2}` : undefined)));
    const r = recorder(async () => {
      await new Promise((res) => setTimeout(res, 5));
      return { ok: true };
    });
    const reports = await Promise.all(
      Array.from({ length: 10 }, () => deliverOutbox({ handlers: { "wecom.message": r.handler }, batchSize: 3 })),
    );
    // Keyed messages whose predecessor was still pending when a deliverer looked are picked up by a later pass.
    await deliverOutbox({ handlers: { "wecom.message": r.handler } });
    expect(r.sent.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(reports.reduce((n, x) => n + x.delivered, 0)).toBeLessThanOrEqual(40);
    expect((await rows()).every((m) => m.status === "delivered" && m.attempts === 1)).toBe(true);
  });
});
