import { asc, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { appointments, outbox, STATUS } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { approveAppointments } from "@/lib/services/review/approve-appointments";
import { rejectAppointments } from "@/lib/services/review/reject-appointments";
import { updateSettings } from "@/lib/services/settings/update-settings";
import { MAINTENANCE_LOCK } from "./advisory-lock";
import { runMaintenance } from "./run-maintenance";
import { sentTexts, useFakeWecom } from "./testing/fake-wecom";
import { booking, DAY, HOUR, MIN, MIXED_QUEUE_END_STATE, mixedQueue, queueBase, resetBookings, room, setSettings, statusOf, user } from "./testing/fixtures";

/** Changing the settings is a super-admin action. */
const SUPER = { id: 1, username: "admin", privileged: true };

const onPostgres = process.env.TEST_DB === "postgres";
const handle = useTestDb();
const wecom = useFakeWecom();

const at = (hours: number) => new Date(queueBase.getTime() + hours * HOUR);
const ago = (hours: number) => new Date(Date.now() - hours * HOUR);

async function outboxRows() {
  const db = await getDb();
  return db.select().from(outbox).orderBy(asc(outbox.id));
}

beforeEach(async () => {
  await resetBookings();
  await setSettings({ openMinute: 0, closeMinute: 1440, autoReview: true, autoReviewInterval: 2, autoClean: false, autoCleanInterval: 7 });
  wecom().state.messages.length = 0;
  wecom().state.failNext = [];
  wecom().state.silent.clear();
});

describe("runMaintenance", () => {
  it("auto-reviews a mixed queue first come first served, through the review service, and messages each booker once", async () => {
    const q = await mixedQueue();
    const report = await runMaintenance();
    expect(report.ran).toBe(true);
    const steps = report.steps!;
    expect(steps.expiry).toMatchObject({ ok: true, expired: 1, from: { pending: 1 } });
    expect(steps.autoReview).toMatchObject({ ok: true, ran: true, reviewed: 4, approved: 3, taken: 1, cascadeRejected: 1, truncated: false });
    expect(steps.outbox).toMatchObject({ ok: true, delivered: 5, retrying: 0, failed: 0 });

    expect(await statusOf(q.early.id)).toEqual({ status: STATUS.APPROVED, checkInfo: "自动审核：成功通过审核" });
    expect(await statusOf(q.late.id)).toEqual({ status: STATUS.REJECTED, checkInfo: "自动审核：已被他人抢先占用" });
    expect(await statusOf(q.backToBack.id)).toEqual({ status: STATUS.APPROVED, checkInfo: "自动审核：成功通过审核" });
    expect(await statusOf(q.clash.id)).toEqual({ status: STATUS.REJECTED, checkInfo: "自动审核：已被他人抢先占用" });
    expect(await statusOf(q.otherRoom.id)).toEqual({ status: STATUS.APPROVED, checkInfo: "自动审核：成功通过审核" });
    expect(await statusOf(q.tooLate.id)).toEqual({ status: STATUS.EXPIRED, checkInfo: "预约已过期" });
    const db = await getDb();
    const [reviewed] = await db.select().from(appointments).where(eq(appointments.id, q.early.id));
    expect(reviewed).toMatchObject({ reviewedBy: "自动审核", reviewedByAdminId: null });

    // One message per outcome, in the legacy template, each exactly once.
    const texts = sentTexts(wecom());
    expect(texts).toHaveLength(5);
    const result = (id: number) => texts.filter((t) => t.content.includes(`预约序号：${id}\n`)).map((t) => /预约结果：(.*)/.exec(t.content)![1]);
    expect(result(q.early.id)).toEqual(["成功通过审核"]);
    expect(result(q.backToBack.id)).toEqual(["成功通过审核"]);
    expect(result(q.otherRoom.id)).toEqual(["成功通过审核"]);
    expect(result(q.clash.id)).toEqual(["已被他人抢先占用"]);
    expect(result(q.late.id)).toEqual(["被退回"]);
    expect(texts.find((t) => t.content.includes(`预约序号：${q.late.id}\n`))).toMatchObject({ touser: "2021654321" });
    expect(result(q.tooLate.id)).toEqual([]);

    // Running again changes nothing and sends nothing.
    const again = await runMaintenance();
    expect(again.steps!.autoReview).toMatchObject({ ran: false, reason: "not due" });
    expect(again.steps!.outbox).toMatchObject({ delivered: 0 });
    expect(sentTexts(wecom())).toHaveLength(5);
  });

  it("runs auto-review again only when its interval has elapsed", async () => {
    const r = await room("I-A");
    const u = await user("zhangsan");
    const t0 = new Date();
    expect((await runMaintenance({ now: t0 })).steps!.autoReview).toMatchObject({ ran: true, reviewed: 0 });
    const p = await booking({ roomId: r.id, userId: u.id, start: at(3), minutes: 30 });
    const oneMinute = await runMaintenance({ now: new Date(t0.getTime() + MIN) });
    expect(oneMinute.steps!.autoReview).toMatchObject({ ran: false, reason: "not due" });
    expect((await statusOf(p.id)).status).toBe(STATUS.PENDING);
    // Cron drifts by a few seconds: two minutes minus a little is due.
    const twoMinutes = await runMaintenance({ now: new Date(t0.getTime() + 2 * MIN - 5000) });
    expect(twoMinutes.steps!.autoReview).toMatchObject({ ran: true, approved: 1 });
  });

  it("picks up a settings change on the next run", async () => {
    const r = await room("S-A");
    const u = await user("zhangsan");
    const settingsInput = (check: boolean, checkInterval: number, clean: boolean, cleanInterval: number) =>
      updateSettings(SUPER, { sh: 0, sm: 0, ch: 24, cm: 0, check, checkInterval, clean, cleanInterval });

    await settingsInput(false, 2, false, 7);
    const p = await booking({ roomId: r.id, userId: u.id, start: at(2), minutes: 30 });
    const oldExpired = await booking({ roomId: r.id, userId: u.id, start: new Date(Date.now() - 3 * DAY), minutes: 30, status: STATUS.EXPIRED });
    const off = await runMaintenance();
    expect(off.steps!.autoReview).toMatchObject({ ran: false, reason: "disabled" });
    expect(off.steps!.autoClean).toMatchObject({ ran: false, reason: "disabled" });
    expect((await statusOf(p.id)).status).toBe(STATUS.PENDING);

    // Switched on (interval 10 minutes, cleaning after 7 days): applies on the very next run, no restart.
    await settingsInput(true, 10, true, 7);
    const on = await runMaintenance();
    expect(on.steps!.autoReview).toMatchObject({ ran: true, approved: 1 });
    expect(on.steps!.autoClean).toMatchObject({ ran: true, deleted: 0 });
    expect(await statusOf(oldExpired.id)).toBeDefined();
    // Without a change, neither is due again so soon.
    const quiet = await runMaintenance();
    expect(quiet.steps!.autoReview).toMatchObject({ ran: false, reason: "not due" });
    expect(quiet.steps!.autoClean).toMatchObject({ ran: false, reason: "not due" });

    // A shorter clean interval applies at once too, although the hourly clean just ran.
    await settingsInput(true, 10, true, 2);
    const shorter = await runMaintenance();
    expect(shorter.steps!.autoClean).toMatchObject({ ran: true, deleted: 1 });
    expect(await statusOf(oldExpired.id)).toBeUndefined();
  });

  it("keeps reviews working while WeCom fails, and delivers every message exactly once after it recovers", async () => {
    const fake = wecom();
    await setSettings({ autoReview: false });
    const r = await room("W-A");
    const [u1, u2] = await Promise.all(["zhangsan", "2020123456"].map(user));
    const a = await booking({ roomId: r.id, userId: u1.id, start: at(1), minutes: 60, submittedAt: ago(2) });
    const b = await booking({ roomId: r.id, userId: u2.id, start: at(1.5), minutes: 60, submittedAt: ago(1) });
    const c = await booking({ roomId: r.id, userId: u2.id, start: at(5), minutes: 60, submittedAt: ago(1) });

    fake.state.failNext.push({ path: "/cgi-bin/message/send", errcode: -1, times: 1000 });
    // Manual review commits although WeCom is down.
    const report = await approveAppointments([a.id], { adminId: null, name: "admin" });
    expect(report.approved).toBe(1);
    expect(await rejectAppointments([c.id], "设备检修", { adminId: null, name: "admin" })).toEqual([c.id]);
    expect((await statusOf(b.id)).status).toBe(STATUS.REJECTED); // cascade

    const t0 = new Date();
    const down = await runMaintenance({ now: t0 });
    expect(down.steps!.outbox).toMatchObject({ ok: true, delivered: 0, retrying: 3 });
    const down2 = await runMaintenance({ now: new Date(t0.getTime() + 31_000) });
    expect(down2.steps!.outbox).toMatchObject({ delivered: 0, retrying: 3 });
    expect(sentTexts(fake)).toHaveLength(0);
    const pending = await outboxRows();
    expect(pending.every((m) => m.status === "pending" && m.attempts === 2 && /errcode -1/.test(m.lastError ?? ""))).toBe(true);

    // Not due yet (back-off doubled to a minute): nothing is tried even though WeCom is back.
    fake.state.failNext = [];
    const early = await runMaintenance({ now: new Date(t0.getTime() + 60_000) });
    expect(early.steps!.outbox).toMatchObject({ delivered: 0, retrying: 0 });
    const up = await runMaintenance({ now: new Date(t0.getTime() + 95_000) });
    expect(up.steps!.outbox).toMatchObject({ delivered: 3, retrying: 0 });
    await runMaintenance({ now: new Date(t0.getTime() + 10 * MIN) });

    const texts = sentTexts(fake);
    expect(texts).toHaveLength(3);
    expect(texts.filter((t) => t.content.includes(`预约序号：${a.id}\n`))).toHaveLength(1);
    expect(texts.filter((t) => t.content.includes(`预约序号：${b.id}\n`))).toHaveLength(1);
    expect(texts.find((t) => t.content.includes(`预约序号：${c.id}\n`))!.content).toContain("审核信息：admin：设备检修");
    expect((await outboxRows()).every((m) => m.status === "delivered" && m.lastError === null)).toBe(true);
  });

  it("counts a WeCom that does not answer as a failed try, and marks an unknown recipient failed at once", async () => {
    const fake = wecom();
    await setSettings({ autoReview: false });
    const r = await room("T-A");
    const known = await user("zhangsan");
    const ghost = await user("ghost-user");
    const k = await booking({ roomId: r.id, userId: known.id, start: at(1), minutes: 60 });
    const g = await booking({ roomId: r.id, userId: ghost.id, start: at(3), minutes: 60 });
    await approveAppointments([k.id, g.id], { adminId: null, name: "admin" });

    fake.state.silent.add("/cgi-bin/message/send");
    const t0 = new Date();
    const silent = await runMaintenance({ now: t0 });
    expect(silent.steps!.outbox).toMatchObject({ delivered: 0, retrying: 2 });
    fake.state.silent.clear();
    const after = await runMaintenance({ now: new Date(t0.getTime() + 31_000) });
    expect(after.steps!.outbox).toMatchObject({ delivered: 1, failed: 1 });
    const rows = await outboxRows();
    const ghostRow = rows.find((m) => (m.payload as { touser: string }).touser === "ghost-user")!;
    expect(ghostRow).toMatchObject({ status: "failed", attempts: 2 });
    expect(ghostRow.lastError).toMatch(/no-recipient|81013/);
    // The silent attempt may have reached WeCom before the timeout; what counts is the state we record.
    expect(sentTexts(fake).filter((t) => t.touser === "zhangsan").length).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("ten overlapping runs end in the same state as one and send each message once", async () => {
    await mixedQueue();
    const reports = await Promise.all(Array.from({ length: 10 }, () => runMaintenance()));
    expect(reports.filter((r) => r.ran)).toHaveLength(1);
    expect(reports.filter((r) => !r.ran).every((r) => r.reason === "another maintenance run is in progress")).toBe(true);
    const db = await getDb();
    const states = await db.select({ id: appointments.id, status: appointments.status }).from(appointments).orderBy(asc(appointments.id));
    expect(states.map((s) => s.status)).toEqual(MIXED_QUEUE_END_STATE);
    expect(sentTexts(wecom())).toHaveLength(5);
    // And again, ten more: nothing changes, nothing is sent.
    await Promise.all(Array.from({ length: 10 }, () => runMaintenance()));
    expect(sentTexts(wecom())).toHaveLength(5);
  });

  it.skipIf(!onPostgres)("skips while another server holds the maintenance lock on the database", async () => {
    const r = await room("L-A");
    const u = await user("zhangsan");
    const p = await booking({ roomId: r.id, userId: u.id, start: at(1), minutes: 60 });
    // Another server: a separate connection holding the advisory lock.
    const db = await getDb();
    const [{ name }] = (await db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
    const url = new URL(inject("pgTemplate"));
    url.pathname = `/${name}`;
    const other = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      await other`select pg_advisory_lock(${MAINTENANCE_LOCK})`;
      const blocked = await runMaintenance();
      expect(blocked).toMatchObject({ ran: false, reason: "another maintenance run is in progress" });
      expect((await statusOf(p.id)).status).toBe(STATUS.PENDING);
      await other`select pg_advisory_unlock(${MAINTENANCE_LOCK})`;
      expect((await runMaintenance()).ran).toBe(true);
      expect((await statusOf(p.id)).status).toBe(STATUS.APPROVED);
    } finally {
      await other.end();
    }
    void handle;
  });
});
