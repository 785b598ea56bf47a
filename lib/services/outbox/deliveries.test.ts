import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { outbox } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { deliverOutbox } from "@/lib/outbox/deliver-outbox";
import { enqueue } from "@/lib/outbox/enqueue";
import { listDeliveries } from "./list-deliveries";
import { retryDelivery } from "./retry-delivery";

/** Sending failed messages again is a super-admin action. */
const SUPER = { id: 1, username: "admin", privileged: true };

useTestDb();

describe("outbox deliveries for the admin console", () => {
  beforeEach(async () => {
    const db = await getDb();
    await db.delete(outbox);
  });

  it("lists failed messages with their last error, pending ones in delivery order, and requeues failed ones", async () => {
    const db = await getDb();
    await enqueue(db, [
      { topic: "wecom.message", payload: { touser: "ok-user", content: "a" } },
      { topic: "wecom.message", payload: { touser: "gone-user", content: "b" } },
      { topic: "wecom.message", payload: { touser: "later-user", content: "c" } },
    ]);
    const handler = {
      deliver: async (p: unknown) => {
        const touser = (p as { touser: string }).touser;
        if (touser === "gone-user") return { ok: false as const, permanent: true, error: "WeCom no-recipient (errcode 81013)" };
        if (touser === "later-user") return { ok: false as const, error: "WeCom unavailable (errcode -1)" };
        return { ok: true as const };
      },
    };
    await deliverOutbox({ handlers: { "wecom.message": handler } });

    const failed = await listDeliveries({ status: "failed" });
    expect(failed.total).toBe(1);
    expect(failed.data[0]).toMatchObject({ recipient: "gone-user", attempts: 1, lastError: "WeCom no-recipient (errcode 81013)" });
    const pending = await listDeliveries({ status: "pending" });
    expect(pending.data.map((d) => [d.recipient, d.attempts, d.lastError])).toEqual([["later-user", 1, "WeCom unavailable (errcode -1)"]]);
    expect((await listDeliveries({ status: "delivered", size: 1, page: 1 })).total).toBe(1);

    // Only failed messages are requeued: a delivered or pending one is never sent again by this.
    const ids = [...failed.data, ...pending.data].map((d) => d.id);
    const delivered = (await listDeliveries({ status: "delivered" })).data[0].id;
    expect(await retryDelivery(SUPER, [...ids, delivered])).toBe(1);
    expect((await listDeliveries({ status: "failed" })).total).toBe(0);
    const requeued = (await listDeliveries({ status: "pending" })).data.find((d) => d.recipient === "gone-user");
    expect(requeued).toMatchObject({ attempts: 0 });
  });
});
