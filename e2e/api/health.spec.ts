import { expect, test } from "@playwright/test";
import { onPostgres } from "../helpers/env";

test("health reports the database driver, version, latency, migrations, outbox and maintenance", async ({ request }) => {
  const res = await request.get("/meeting/api/health");
  expect(res.status()).toBe(200);
  expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const body = await res.json();
  expect(body).toMatchObject({ ok: true, db: onPostgres() ? "postgres" : "pglite", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  expect(body.checks.database.latencyMs).toBeGreaterThanOrEqual(0);
  expect(body.checks.migrations).toMatchObject({ pending: 0, applied: body.checks.migrations.expected });
  expect(body.checks.outbox).toMatchObject({ pending: expect.any(Number), failed: expect.any(Number) });
  // The e2e server runs with SCHEDULER=0: the maintenance age is reported, not judged.
  expect(body.checks.maintenance.scheduled).toBe(false);
  expect(body.problems).toBeUndefined();
});

test("a request id given by the caller is echoed back", async ({ request }) => {
  const res = await request.get("/meeting/api/health", { headers: { "x-request-id": "support-ticket-42" } });
  expect(res.headers()["x-request-id"]).toBe("support-ticket-42");
});

test("the site root redirects to the app under /meeting", async ({ request }) => {
  const res = await request.get("/", { maxRedirects: 0 });
  expect([302, 307, 308]).toContain(res.status());
  expect(res.headers()["location"]).toMatch(/\/meeting\/?$/);
});
