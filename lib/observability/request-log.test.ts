import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { installRequestLog, requestIdFor } from "./request-log";

describe("request log", () => {
  let server: http.Server;
  let base = "";
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    process.env.LOG_FORMAT = "json";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      const s = String(chunk);
      if (s.startsWith("{")) lines.push(JSON.parse(s));
      return true;
    });
    installRequestLog();
    server = http.createServer((req, res) => {
      res.statusCode = req.url?.startsWith("/missing") ? 404 : 200;
      res.end("x");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    vi.restoreAllMocks();
    server.close();
  });

  it("writes one JSON line per request with method, path without query, status, duration and request id", async () => {
    const res = await fetch(`${base}/missing/thing?access_token=secret`, { headers: { "x-request-id": "abc-123" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("x-request-id")).toBe("abc-123");
    await vi.waitFor(() => expect(lines.some((l) => l.requestId === "abc-123")).toBe(true));
    const line = lines.find((l) => l.requestId === "abc-123")!;
    expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", path: "/missing/thing", status: 404 });
    expect(typeof line.durationMs).toBe("number");
    expect(JSON.stringify(line)).not.toContain("secret");
  });

  it("replaces a request id that is not a plain token", async () => {
    const res = await fetch(`${base}/ok`, { headers: { "x-request-id": "bad id <script>" } });
    const id = res.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor(["a", "b"])).toBe("a");
  });
});
