import { afterEach, describe, expect, it } from "vitest";
import { setDbHandleForTests } from "@/lib/db";
import { useTestDb } from "@/lib/db/testing";
import { resetEnvForTests } from "@/lib/env";
import { GET } from "./route";

describe("GET /api/health", () => {
  const db = useTestDb();

  afterEach(() => {
    delete process.env.DATABASE_URL;
    resetEnvForTests();
    setDbHandleForTests(db());
  });

  it("answers ok with the driver in use", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, db: db().driver, version: expect.any(String), checks: { migrations: { pending: 0 } } });
    expect(body.problems).toBeUndefined();
  });

  it("answers 503 with ok:false when the database cannot be reached", async () => {
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:9/unreachable";
    resetEnvForTests();
    setDbHandleForTests(undefined);
    const res = await GET(new Request("http://localhost/meeting/api/health"));
    expect(res.status).toBe(503);
    // Nothing about the connection (host, port, user, driver message) for an anonymous caller.
    expect(await res.json()).toEqual({ ok: false, db: "postgres", version: expect.any(String), problems: ["database unreachable"], error: "database unavailable" });
  });

  it("says nothing about a broken configuration to anonymous callers", async () => {
    process.env.DATABASE_URL = "mysql://secret-user:secret-pass@db.internal/x";
    resetEnvForTests();
    setDbHandleForTests(undefined);
    const res = await GET(new Request("http://localhost/meeting/api/health"));
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).not.toMatch(/secret|DATABASE_URL|mysql|internal|configuration/i);
  });
});
