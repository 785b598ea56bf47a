import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { FAKE_CAMPUS_ENV, useFakeCampus } from "@/lib/clients/campus/testing/use-fake-campus";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { auditLog, outbox } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import type { MaintenanceReport } from "./run-maintenance";
import { useFakeWecom } from "./testing/fake-wecom";
import { mixedQueue, setSettings } from "./testing/fixtures";

const onPostgres = process.env.TEST_DB === "postgres";
const run = promisify(execFile);

// Two servers on one Postgres (separate processes and pools) run the maintenance at the same instant, first while the
// campus platform is down, then after it is back: reviews happen during the outage, nothing is lost, and every notice,
// calendar entry and operation log reaches the platform exactly once.
describe.skipIf(!onPostgres)("campus deliveries from several processes across an outage", () => {
  useTestDb();
  const wecom = useFakeWecom();
  const campus = useFakeCampus();

  it("sends each notice once after recovery", async () => {
    await setSettings({ openMinute: 0, closeMinute: 1440, autoReview: true, autoReviewInterval: 2, autoClean: false });
    const q = await mixedQueue();
    const db = await getDb();
    const [{ name }] = rowsOf<{ name: string }>(await db.execute(sql`select current_database() as name`));
    const url = new URL(inject("pgTemplate"));
    url.pathname = `/${name}`;
    const childEnv = { ...process.env, ...FAKE_CAMPUS_ENV, CAMPUS_API_BASE: campus().url, DATABASE_URL: url.toString(), WECOM_API_BASE: wecom().url, NODE_ENV: "test" as const };
    const together = async (n: number) => {
      const startAt = Date.now() + 6000;
      const children = Array.from({ length: n }, () =>
        // react-server: the server modules start with `import "server-only"`, which throws under plain node.
        run(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/jobs/testing/maintenance-child.ts", String(startAt)], { env: childEnv, timeout: 60_000 }),
      );
      return (await Promise.all(children)).map((c) => JSON.parse(c.stdout.trim().split("\n").pop()!) as MaintenanceReport);
    };

    // The platform is down (HTTP 503) while the reviews run.
    await fetch(`${campus().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ paths: ["*"], mode: "http" }) });
    const during = await together(2);
    expect(during.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
    expect(campus().state.notices).toHaveLength(0);
    const waiting = await db.select().from(outbox).where(eq(outbox.topic, "campus.call"));
    expect(waiting.filter((m) => (m.payload as { op: string }).op === "notice")).toHaveLength(5);
    expect(waiting.every((m) => m.status === "pending")).toBe(true);

    // Back up; the retry back-off has passed.
    await fetch(`${campus().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ off: true }) });
    await db.execute(sql`update outbox set next_attempt_at = now() where status = 'pending'`);
    await together(2);
    // A straggler whose ordering predecessor was still in flight goes out on the next run.
    await db.execute(sql`update outbox set next_attempt_at = now() where status = 'pending'`);
    await together(2);

    const notices = campus().state.notices.map((n) => String(n.body.content));
    expect(notices).toHaveLength(5);
    expect(new Set(notices).size).toBe(5);
    for (const b of [q.late, q.early, q.backToBack, q.clash, q.otherRoom]) expect(notices.filter((c) => c.includes(`预约号：${b.id}\n`))).toHaveLength(1);
    const entries = [...campus().state.schedules.values()];
    expect(entries.map((e) => e.content.match(/预约#(\d+)/)![1]).sort()).toEqual([q.early.id, q.backToBack.id, q.otherRoom.id].map(String).sort());
    const audits = await db.select({ id: auditLog.id }).from(auditLog);
    expect(campus().state.operlogs).toHaveLength(audits.length);
    const all = await db.select().from(outbox).where(eq(outbox.topic, "campus.call"));
    expect(all.every((m) => m.status === "delivered")).toBe(true);
  }, 120_000);
});
