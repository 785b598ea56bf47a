import http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { pushCallback } from "./push-callback";
import { isForbiddenAddress } from "./safe-address";

// SSRF through the event subscription URL (issue 11 §2.1): internal addresses are refused at connect time, also
// behind a DNS name, unless OPEN_API_ALLOW_PRIVATE_CALLBACKS=1; errors say what failed without internals.

const creds = { token: "t", aesKey: "a".repeat(43), ownerKey: "k" } as never;
let hits = 0;
const server = http.createServer((_req, res) => {
  hits++;
  res.end("internal secret page");
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  process.env.OPEN_API_ALLOW_PRIVATE_CALLBACKS = "1";
  resetEnvForTests();
});

describe("isForbiddenAddress", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd12::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254"])(
    "%s is refused",
    (a) => expect(isForbiddenAddress(a)).toBe(true),
  );
  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])("%s is allowed", (a) => expect(isForbiddenAddress(a)).toBe(false));
});

describe("pushCallback without OPEN_API_ALLOW_PRIVATE_CALLBACKS", () => {
  it.each([
    () => `http://127.0.0.1:${port}/`,
    () => `http://localhost:${port}/`, // a name resolving to loopback: refused at connect time
    () => `http://[::ffff:127.0.0.1]:${port}/`,
    () => "http://169.254.169.254/latest/meta-data/",
    () => "http://10.0.0.1:8080/",
    () => "http://[::1]/",
  ])("%s is refused before any connection, with a plain reason", async (make) => {
    process.env.OPEN_API_ALLOW_PRIVATE_CALLBACKS = "0";
    resetEnvForTests();
    const before = hits;
    const r = await pushCallback(make(), creds, { event_type: "check_url" }, { timeoutMs: 3000 });
    expect(r.ok).toBe(false);
    expect(hits).toBe(before);
    const error = (r as { error: string }).error;
    expect(error).toContain("not allowed");
    expect(error).not.toMatch(/127\.0\.0\.1|169\.254|10\.0\.0\.1|ECONN|::1|\d{4,5}/);
  });

  it("with OPEN_API_ALLOW_PRIVATE_CALLBACKS=1 an on-campus subscriber is called", async () => {
    process.env.OPEN_API_ALLOW_PRIVATE_CALLBACKS = "1";
    resetEnvForTests();
    const before = hits;
    const r = await pushCallback(`http://127.0.0.1:${port}/`, creds, { event_type: "check_url" }, { timeoutMs: 3000 });
    expect(hits).toBe(before + 1);
    expect(r).toMatchObject({ ok: false, error: "the answer is not JSON" });
  });

  it("connection errors are named without addresses or ports", async () => {
    process.env.OPEN_API_ALLOW_PRIVATE_CALLBACKS = "1";
    resetEnvForTests();
    const r = await pushCallback("http://127.0.0.1:1/", creds, { event_type: "check_url" }, { timeoutMs: 3000 });
    expect(r).toMatchObject({ ok: false, error: "request failed: the connection was refused" });
  });
});
