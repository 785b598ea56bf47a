import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { outbox } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { sentTexts, useFakeWecom } from "@/lib/jobs/testing/fake-wecom";
import { enqueue } from "./enqueue";
import { kickOutbox } from "./kick-outbox";

useTestDb();
const wecom = useFakeWecom();

describe("kickOutbox", () => {
  it("returns at once and delivers the new messages in the background", async () => {
    const db = await getDb();
    const ids = await enqueue(db, { topic: "wecom.message", payload: { touser: "zhangsan", content: "会议室预约结果通知" } });
    wecom().state.silent.add("/cgi-bin/message/send");
    kickOutbox(ids); // WeCom hangs: the caller is not held up
    const [row] = await db.select().from(outbox);
    expect(row.status).toBe("pending");
    wecom().state.silent.clear();
    await vi.waitFor(async () => expect((await db.select().from(outbox))[0].attempts).toBe(1), { timeout: 15_000 });

    // Once WeCom answers again, a kick sends it (the retry is due once its back-off has passed; here a fresh message).
    const [second] = await enqueue(db, { topic: "wecom.message", payload: { touser: "zhangsan", content: "第二条" } });
    kickOutbox([second]);
    await vi.waitFor(async () => {
      const rows = await db.select().from(outbox);
      expect(rows.find((r) => r.id === second)?.status).toBe("delivered");
    }, { timeout: 10_000 });
    expect(sentTexts(wecom()).filter((t) => t.content === "第二条")).toHaveLength(1);
  }, 30_000);
});
