import http from "node:http";
import type { AddressInfo } from "node:net";
import { openMessage, sealMessage, type CallbackCredentials } from "@/lib/crypto/dingtalk-callback";

// A fake Open API subscriber (an integrator's webhook, integrations.md §2.5–2.6) for tests: verifies and decrypts
// every push with ITS credentials, records it, and answers per `mode`.

export type SubscriberMode = "ok" | "wrong-answer" | "slow" | "error";

export interface ReceivedPush {
  event: { event_type: string; value?: unknown[] };
  /** The raw body as sent. */
  body: Record<string, unknown>;
}

export interface FakeSubscriber {
  url: string;
  port: number;
  mode: SubscriberMode;
  /** Pushes that verified and decrypted, in arrival order. */
  received: ReceivedPush[];
  /** Pushes that did not verify or decrypt (each one is a bug in the sender). */
  rejected: string[];
  setCredentials(c: CallbackCredentials): void;
  /** Stops listening (the subscriber is down) / listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startFakeSubscriber(opts: { port: number; creds: CallbackCredentials; slowMs?: number }): Promise<FakeSubscriber> {
  let creds = opts.creds;
  let server: http.Server | null = null;
  const sockets = new Set<import("node:net").Socket>();
  const fake: FakeSubscriber = {
    url: `http://127.0.0.1:${opts.port}/meeting-events`,
    port: opts.port,
    mode: "ok",
    received: [],
    rejected: [],
    setCredentials: (c) => {
      creds = c;
    },
    async stop() {
      if (!server) return;
      const s = server;
      server = null;
      for (const sock of sockets) sock.destroy();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async start() {
      if (server) return;
      server = http.createServer((req, res) => {
        let raw = "";
        req.on("data", (c) => (raw += c));
        req.on("end", async () => {
          let plain: string;
          let body: Record<string, unknown>;
          try {
            body = JSON.parse(raw) as Record<string, unknown>;
            plain = openMessage(creds, body);
          } catch (e) {
            fake.rejected.push((e as Error).message);
            res.writeHead(400).end("bad push");
            return;
          }
          fake.received.push({ event: JSON.parse(plain), body });
          if (fake.mode === "error") return void res.writeHead(503).end("down for maintenance");
          if (fake.mode === "slow") await new Promise((r) => setTimeout(r, opts.slowMs ?? 1800));
          const answer = sealMessage(creds, fake.mode === "wrong-answer" ? "fail" : "success");
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
        });
      });
      server.on("connection", (s) => {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
      });
      const s = server;
      await new Promise<void>((resolve, reject) => {
        s.once("error", reject);
        s.listen(opts.port, "127.0.0.1", () => resolve());
      });
      fake.port = (s.address() as AddressInfo).port;
    },
  };
  await fake.start();
  return fake;
}
