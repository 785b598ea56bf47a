import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { appointments, outbox, rooms, STATUS, users } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { atLocalMinute, formatDate, startOfLocalDay } from "@/lib/time";
import { getDashboardCharts } from "./get-dashboard-charts";

useTestDb();
const admin = { id: 1, username: "admin", privileged: false };
const DAY = 86400000;

describe("getDashboardCharts", () => {
  it("counts submissions per day by status, room utilization of the next 7 days, the queue and failed deliveries", async () => {
    const db = await getDb();
    const now = new Date();
    const [r1, r2] = await db.insert(rooms).values([{ place: "A", size: 5 }, { place: "B", size: 5 }]).returning();
    const [u] = await db.insert(users).values({ userid: "u", name: "u" }).returning();
    const tomorrow = new Date(startOfLocalDay(now).getTime() + DAY + 12 * 3600000);
    const base = { userId: u.id, participants: 1, phone: "13800138000" };
    await db.insert(appointments).values([
      // 14 open hours × 7 days = 5880 open minutes; 294 approved minutes = 5 %.
      { ...base, roomId: r1.id, startsAt: atLocalMinute(tomorrow, 600), endsAt: atLocalMinute(tomorrow, 894), status: STATUS.APPROVED },
      { ...base, roomId: r1.id, startsAt: atLocalMinute(tomorrow, 900), endsAt: atLocalMinute(tomorrow, 960), status: STATUS.PENDING, submittedAt: new Date(now.getTime() - 90 * 60000) },
      { ...base, roomId: r2.id, startsAt: atLocalMinute(tomorrow, 900), endsAt: atLocalMinute(tomorrow, 960), status: STATUS.PENDING, submittedAt: new Date(now.getTime() - 5 * 60000) },
      // Submitted 40 days ago: outside the 30-day chart.
      { ...base, roomId: r2.id, startsAt: atLocalMinute(tomorrow, 600), endsAt: atLocalMinute(tomorrow, 660), status: STATUS.REJECTED, submittedAt: new Date(now.getTime() - 40 * DAY) },
    ]);
    await db.insert(outbox).values([
      { topic: "wecom.message", payload: {}, status: "failed" },
      { topic: "wecom.message", payload: {}, status: "delivered" },
    ]);

    const c = await getDashboardCharts(admin, now);
    expect(c.perDay).toHaveLength(30);
    expect(c.perDay.at(-1)!.date).toBe(formatDate(now));
    const sum = c.perDay.reduce((acc, d) => acc + d.total, 0);
    expect(sum).toBe(3);
    const byStatus = c.perDay.reduce((acc, d) => acc + d.byStatus["2"], 0);
    expect(byStatus).toBe(2);

    const a = c.utilization.rooms.find((r) => r.roomId === r1.id)!;
    expect(a.bookedMinutes).toBe(294);
    expect(a.openMinutes).toBe(14 * 60 * 7);
    expect(a.ratio).toBeCloseTo(0.05, 5);
    expect(c.utilization.rooms[0].roomId).toBe(r1.id);
    expect(c.utilization.rooms.find((r) => r.roomId === r2.id)!.bookedMinutes).toBe(0);

    expect(c.queue.pending).toBe(2);
    expect(c.queue.oldestAgeMinutes).toBe(90);
    expect(c.deliveries).toEqual({ failed: 1, pending: 0 });
  });

  it("refuses without an admin", async () => {
    await expect(getDashboardCharts(null as never)).rejects.toMatchObject({ code: 1005 });
  });
});
