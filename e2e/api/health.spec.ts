import { expect, test } from "@playwright/test";
import { onPostgres } from "../helpers/env";

test("health reports the database driver in use and the version", async ({ request }) => {
  const res = await request.get("/meeting/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toEqual({ ok: true, db: onPostgres() ? "postgres" : "pglite", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
});

test("the site root redirects to the app under /meeting", async ({ request }) => {
  const res = await request.get("/", { maxRedirects: 0 });
  expect([302, 307, 308]).toContain(res.status());
  expect(res.headers()["location"]).toMatch(/\/meeting\/?$/);
});
