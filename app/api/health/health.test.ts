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
    expect(await res.json()).toEqual({ ok: true, db: db().driver, version: expect.any(String) });
  });

  it("answers 503 with ok:false when the database cannot be reached", async () => {
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:9/unreachable";
    resetEnvForTests();
    setDbHandleForTests(undefined);
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, db: "postgres" });
  });
});
