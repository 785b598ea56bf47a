import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { asc, sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { appointments } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import type { MaintenanceReport } from "./run-maintenance";
import { sentTexts, useFakeWecom } from "./testing/fake-wecom";
import { MIXED_QUEUE_END_STATE, mixedQueue, setSettings } from "./testing/fixtures";

const onPostgres = process.env.TEST_DB === "postgres";
const run = promisify(execFile);

// Several servers on one Postgres, for real: separate processes, separate connection pools, started at the same instant.
describe.skipIf(!onPostgres)("maintenance runs of several processes at once", () => {
  useTestDb();
  const wecom = useFakeWecom();

  it("end in the same state as one run and send each message once", async () => {
    await setSettings({ openMinute: 0, closeMinute: 1440, autoReview: true, autoReviewInterval: 2, autoClean: false });
    await mixedQueue();
    const db = await getDb();
    const [{ name }] = rowsOf<{ name: string }>(await db.execute(sql`select current_database() as name`));
    const url = new URL(inject("pgTemplate"));
    url.pathname = `/${name}`;

    const startAt = Date.now() + 6000; // time for every child to boot and connect
    const children = Array.from({ length: 5 }, () =>
      // react-server: the server modules start with `import "server-only"`, which throws under plain node.
      run(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/jobs/testing/maintenance-child.ts", String(startAt)], {
        env: { ...process.env, DATABASE_URL: url.toString(), WECOM_API_BASE: wecom().url, NODE_ENV: "test" },
        timeout: 60_000,
      }),
    );
    const reports = (await Promise.all(children)).map((c) => JSON.parse(c.stdout.trim().split("\n").pop()!) as MaintenanceReport);

    expect(reports.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
    const reviewed = reports.reduce((n, r) => n + (r.ran && r.steps!.autoReview.ok && "reviewed" in r.steps!.autoReview ? r.steps!.autoReview.reviewed : 0), 0);
    expect(reviewed).toBe(4);
    const states = await db.select({ status: appointments.status }).from(appointments).orderBy(asc(appointments.id));
    expect(states.map((s) => s.status)).toEqual(MIXED_QUEUE_END_STATE);
    const texts = sentTexts(wecom());
    expect(texts).toHaveLength(5);
    expect(new Set(texts.map((t) => t.content)).size).toBe(5);
  }, 90_000);
});
