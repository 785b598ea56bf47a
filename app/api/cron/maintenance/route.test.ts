import { afterEach, describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/db/testing";
import { resetEnvForTests } from "@/lib/env";
import { GET, POST } from "./route";

const SECRET = "test-cron-secret-0123456789";
const call = (handler: typeof GET, authorization?: string) =>
  handler(new Request("http://localhost/meeting/api/cron/maintenance", { headers: authorization ? { authorization } : {} }));

describe("GET|POST /api/cron/maintenance", () => {
  useTestDb();

  afterEach(() => {
    process.env.CRON_SECRET = SECRET;
    resetEnvForTests();
  });

  it("refuses a call without the bearer token, with a wrong one, or with another scheme", async () => {
    for (const auth of [undefined, "Bearer wrong-secret-0123456789", `Basic ${SECRET}`, SECRET, `Bearer ${SECRET}x`, "Bearer "]) {
      const res = await call(GET, auth);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "unauthorized" });
    }
    expect((await call(POST)).status).toBe(401);
  });

  it("refuses every call while CRON_SECRET is unset", async () => {
    delete process.env.CRON_SECRET;
    resetEnvForTests();
    for (const auth of [undefined, "Bearer ", `Bearer ${SECRET}`, "Bearer undefined"]) {
      const res = await call(GET, auth);
      expect(res.status).toBe(401);
      // Exactly the answer of a wrong token: an anonymous caller cannot tell that the secret is not configured.
      expect(await res.json()).toEqual({ error: "unauthorized", reason: "missing or wrong bearer token" });
    }
  });

  it("runs the maintenance with the right token and reports every step", async () => {
    for (const handler of [GET, POST]) {
      const res = await call(handler, `Bearer ${SECRET}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = await res.json();
      expect(body).toMatchObject({
        ran: true,
        steps: {
          expiry: { ok: true, expired: expect.any(Number) },
          autoReview: { ok: true, ran: expect.any(Boolean) },
          autoClean: { ok: true, ran: expect.any(Boolean) },
          outbox: { ok: true, delivered: expect.any(Number) },
        },
      });
    }
  });
});
