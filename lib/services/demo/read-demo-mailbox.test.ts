import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";

async function load(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return import("./read-demo-mailbox");
}

describe("readDemoMailbox", () => {
  afterEach(() => {
    delete process.env.DEMO_LOGIN;
    delete process.env.DEMO_WECOM_CONTROL;
  });

  it("does not exist outside the demo", async () => {
    const { readDemoMailbox } = await load({ DEMO_LOGIN: undefined });
    expect(await readDemoMailbox()).toEqual({ enabled: false, items: [], unreachable: [] });
  });

  it("lists the WeCom messages the fake received, newest first, and names a fake that is not running", async () => {
    const server = http.createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({
        messages: [
          { at: "2026-12-01T01:00:00.000Z", body: { touser: "u1", msgtype: "text", text: { content: "第一条" } } },
          { at: "2026-12-01T02:00:00.000Z", body: { touser: "u2", msgtype: "text", text: { content: "第二条" } } },
        ],
      }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { readDemoMailbox } = await load({ DEMO_LOGIN: "1", DEMO_WECOM_CONTROL: url, DEMO_CAMPUS_CONTROL: "http://127.0.0.1:9" });
      const box = await readDemoMailbox();
      expect(box.enabled).toBe(true);
      expect(box.items.map((i) => [i.to, i.content])).toEqual([["u2", "第二条"], ["u1", "第一条"]]);
      expect(box.unreachable).toEqual(["campus platform"]);
    } finally {
      server.close();
      delete process.env.DEMO_CAMPUS_CONTROL;
    }
  });
});
