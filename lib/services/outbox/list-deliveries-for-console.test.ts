import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { outbox } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { listDeliveriesForConsole } from "./list-deliveries-for-console";

useTestDb();

describe("listDeliveriesForConsole", () => {
  it("shows failed messages newest first with recipient, text and last error; refuses without an admin", async () => {
    const db = await getDb();
    await db.insert(outbox).values([
      { topic: "wecom.message", payload: { touser: "u1", content: "第一条" }, status: "failed", attempts: 8, lastError: "81013 user not visible" },
      { topic: "wecom.message", payload: { touser: "u2", content: "第二条" }, status: "failed", attempts: 8, lastError: "timeout" },
      { topic: "wecom.message", payload: { touser: "u3", content: "已送达" }, status: "delivered" },
    ]);
    const res = await listDeliveriesForConsole({ id: 1, username: "admin", privileged: false }, { status: "failed" });
    expect(res.count).toBe(2);
    expect(res.rows.map((r) => [r.recipient, r.text, r.lastError])).toEqual([
      ["u2", "第二条", "timeout"],
      ["u1", "第一条", "81013 user not visible"],
    ]);
    expect(res.rows[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await expect(listDeliveriesForConsole(null as never, { status: "failed" })).rejects.toMatchObject({ code: 1005 });
  });
});
