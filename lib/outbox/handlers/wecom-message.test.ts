import { describe, expect, it } from "vitest";
import { WecomError } from "@/lib/clients/wecom/errors";
import { wecomMessageHandler, type SendText } from "./wecom-message";

const ctx = { id: 1, topic: "wecom.message", orderingKey: null, attempt: 1, signal: new AbortController().signal };

describe("the wecom.message handler", () => {
  it("sends {touser, content} and succeeds when WeCom accepts the recipient", async () => {
    const calls: [string, string][] = [];
    const send: SendText = async (touser, content) => (calls.push([touser, content]), { invalidUsers: [] });
    expect(await wecomMessageHandler(send).deliver({ touser: "zhangsan", content: "会议室预约结果通知" }, ctx)).toEqual({ ok: true });
    expect(calls).toEqual([["zhangsan", "会议室预约结果通知"]]);
  });

  it("retries when WeCom is busy or unreachable, gives up at once on an unknown recipient", async () => {
    const failWith = (kind: WecomError["kind"], code?: number): SendText => async () => {
      throw new WecomError(kind, code);
    };
    const payload = { touser: "zhangsan", content: "x" };
    expect(await wecomMessageHandler(failWith("unavailable", -1)).deliver(payload, ctx)).toMatchObject({ ok: false, permanent: false });
    expect(await wecomMessageHandler(failWith("token", 42001)).deliver(payload, ctx)).toMatchObject({ ok: false, permanent: false });
    expect(await wecomMessageHandler(failWith("config", 301002)).deliver(payload, ctx)).toMatchObject({ ok: false, permanent: false });
    expect(await wecomMessageHandler(failWith("no-recipient", 81013)).deliver(payload, ctx)).toMatchObject({ ok: false, permanent: true });
    expect(await wecomMessageHandler(failWith("not-found", 60111)).deliver(payload, ctx)).toMatchObject({ ok: false, permanent: true });
  });

  it("treats a recipient listed in invaliduser as not delivered (WeCom lowercases it)", async () => {
    const send: SendText = async () => ({ invalidUsers: ["zhangsan"] });
    expect(await wecomMessageHandler(send).deliver({ touser: "ZhangSan", content: "x" }, ctx)).toMatchObject({ ok: false, permanent: true });
  });

  it("refuses a malformed payload for good without calling WeCom", async () => {
    let called = false;
    const send: SendText = async () => ((called = true), { invalidUsers: [] });
    for (const bad of [null, {}, { touser: "", content: "x" }, { touser: "a", content: 3 }]) {
      expect(await wecomMessageHandler(send).deliver(bad, ctx)).toMatchObject({ ok: false, permanent: true });
    }
    expect(called).toBe(false);
  });
});
