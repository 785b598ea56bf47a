import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { auditLog, STATUS } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { auditRows } from "@/lib/services/audit/testing/audit-rows";
import { cleanExpired } from "./clean-expired";
import { expireAppointments } from "./expire-appointments";
import { pruneAuditLog } from "./prune-audit-log";
import { runMaintenance } from "./run-maintenance";
import { booking, DAY, HOUR, resetBookings, room, setSettings, user } from "./testing/fixtures";

// What the maintenance run writes to the audit trail (as the system, channel maintenance), and how long it keeps it.

useTestDb();

beforeEach(async () => {
  await resetBookings();
  await (await getDb()).execute(sql`truncate audit_log restart identity`);
  await setSettings({ autoReview: false, autoClean: false });
});

describe("maintenance audit", () => {
  it("expiry records booking.expired per booking with its former status, as the system on the maintenance channel", async () => {
    const r = await room("A-audit-1");
    const u = await user("audit-u1");
    const now = new Date();
    const old = await booking({ roomId: r.id, userId: u.id, start: new Date(now.getTime() - 3 * HOUR), minutes: 60, status: STATUS.APPROVED });
    const report = await runMaintenance({ now });
    expect(report.steps!.expiry).toMatchObject({ ok: true, expired: 1 });
    expect(await auditRows({ action: "booking.expired" })).toEqual([
      expect.objectContaining({
        objectId: String(old.id),
        actorKind: "system",
        actorName: "系统",
        channel: "maintenance",
        clientAddress: null,
        before: { status: "approved" },
        after: { status: "expired" },
      }),
    ]);
  });

  it("expiry of nothing records nothing", async () => {
    await expireAppointments(new Date());
    expect(await auditRows()).toEqual([]);
  });

  it("auto-clean records one row per batch naming the deleted bookings", async () => {
    const r = await room("A-audit-2");
    const u = await user("audit-u2");
    const now = new Date();
    const gone = await booking({ roomId: r.id, userId: u.id, start: new Date(now.getTime() - 30 * DAY), minutes: 60, status: STATUS.EXPIRED });
    await booking({ roomId: r.id, userId: u.id, start: new Date(now.getTime() - 2 * DAY), minutes: 60, status: STATUS.EXPIRED });
    expect((await cleanExpired(now, 7, Date.now() + 5000)).deleted).toBe(1);
    const rows = await auditRows({ action: "booking.cleaned" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKind: "system", channel: "maintenance", before: { count: 1, ids: [gone.id] }, after: { olderThanDays: 7 } });
    // Nothing left to clean: no empty row.
    await cleanExpired(now, 7, Date.now() + 5000);
    expect(await auditRows({ action: "booking.cleaned" })).toHaveLength(1);
  });

  it("retention deletes rows older than the configured days and keeps the rest (pinned clock)", async () => {
    const db = await getDb();
    const now = new Date("2030-06-01T00:00:00Z");
    const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);
    await db.insert(auditLog).values(
      [401, 400.5, 399, 10].map((d) => ({ at: daysAgo(d), actorKind: "system", action: "booking.expired", objectKind: "booking", objectId: String(d), channel: "maintenance" })),
    );
    const r = await pruneAuditLog(now, 400, Date.now() + 5000);
    expect(r).toMatchObject({ deleted: 2, truncated: false, cutoff: daysAgo(400).toISOString() });
    expect((await auditRows()).map((x) => x.objectId)).toEqual(["399", "10"]);
  });

  it("the maintenance run prunes with AUDIT_RETENTION_DAYS (default 400), at most once an hour, and reports it", async () => {
    const db = await getDb();
    const now = new Date("2031-01-10T08:00:00Z");
    await db.insert(auditLog).values([
      { at: new Date(now.getTime() - 500 * DAY), actorKind: "system", action: "booking.expired", objectKind: "booking", objectId: "old", channel: "maintenance" },
      { at: new Date(now.getTime() - 5 * DAY), actorKind: "system", action: "booking.expired", objectKind: "booking", objectId: "new", channel: "maintenance" },
    ]);
    const first = await runMaintenance({ now });
    expect(first.steps!.auditRetention).toMatchObject({ ok: true, ran: true, days: 400, deleted: 1 });
    expect((await auditRows()).map((x) => x.objectId)).toContain("new");
    expect((await auditRows()).map((x) => x.objectId)).not.toContain("old");
    const again = await runMaintenance({ now: new Date(now.getTime() + 10 * 60_000) });
    expect(again.steps!.auditRetention).toMatchObject({ ok: true, ran: false, reason: "not due" });
  });
});
