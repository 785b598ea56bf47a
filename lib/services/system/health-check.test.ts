import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { recordRun } from "@/lib/jobs/job-state";
import { healthCheck } from "./health-check";

const handle = useTestDb();

describe("healthCheck", () => {
  it("reports database latency, the applied migration, the outbox and the last maintenance run", async () => {
    const r = await healthCheck({ scheduled: false });
    expect(r.ok).toBe(true);
    expect(r.checks!.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(r.checks!.migrations.pending).toBe(0);
    expect(r.checks!.migrations.applied).toBe(r.checks!.migrations.expected);
    expect(r.checks!.migrations.applied).toMatch(/^\d{4}_/);
    expect(r.checks!.maintenance).toMatchObject({ scheduled: false });
  });

  it("answers not ok when a due message waits longer than the bound where a scheduler should deliver it", async () => {
    const db = handle().db;
    const now = new Date();
    await recordRun("maintenance", now, {});
    await db.insert(outbox).values({ topic: "wecom.message", payload: {}, nextAttemptAt: new Date(now.getTime() - 3600_000) });
    const judged = await healthCheck({ scheduled: true, now });
    expect(judged.ok).toBe(false);
    expect(judged.checks!.outbox.oldestDueAgeSeconds).toBeGreaterThanOrEqual(3600);
    expect(judged.problems!.join()).toMatch(/outbox/);
    // Without a scheduler here the backlog is reported but not judged.
    expect((await healthCheck({ scheduled: false, now })).ok).toBe(true);
    await db.execute(sql`delete from outbox`);
  });

  it("answers not ok when the maintenance has not run for longer than the bound", async () => {
    const now = new Date();
    await recordRun("maintenance", new Date(now.getTime() - 3600_000), {});
    const r = await healthCheck({ scheduled: true, now });
    expect(r.ok).toBe(false);
    expect(r.checks!.maintenance.ageSeconds).toBeGreaterThanOrEqual(3600);
    expect(r.problems!.join()).toMatch(/maintenance last ran/);
    await recordRun("maintenance", now, {});
    expect((await healthCheck({ scheduled: true, now })).ok).toBe(true);
  });
});
