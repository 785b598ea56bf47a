import { count } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { appointments, STATUS } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { cleanExpired } from "./clean-expired";
import { booking, DAY, resetBookings, room, statusOf, user } from "./testing/fixtures";

useTestDb();

describe("auto-clean", () => {
  beforeEach(resetBookings);

  it("deletes only expired bookings that ended more than the interval ago", async () => {
    const r = await room("C101");
    const u = await user("c-user");
    const now = new Date();
    const endedDaysAgo = (days: number, status: number) =>
      booking({ roomId: r.id, userId: u.id, start: new Date(now.getTime() - days * DAY - 60 * 60_000), minutes: 60, status });

    const old = await endedDaysAgo(8, STATUS.EXPIRED);
    const older = await endedDaysAgo(30, STATUS.EXPIRED);
    const recent = await endedDaysAgo(6, STATUS.EXPIRED);
    const justInside = await endedDaysAgo(6.99, STATUS.EXPIRED);
    // Other statuses are never deleted, however old (expiry relabels them first, in its own step).
    const others = await Promise.all(
      [STATUS.CANCELLED, STATUS.PENDING, STATUS.APPROVED, STATUS.REJECTED].map((s) => endedDaysAgo(30, s)),
    );

    const report = await cleanExpired(now, 7, Date.now() + 5000);
    expect(report).toMatchObject({ deleted: 2, truncated: false });

    const db = await getDb();
    const [{ n }] = await db.select({ n: count() }).from(appointments);
    expect(n).toBe(2 + others.length);
    expect(await statusOf(old.id)).toBeUndefined();
    expect(await statusOf(older.id)).toBeUndefined();
    expect((await statusOf(recent.id)).status).toBe(STATUS.EXPIRED);
    expect((await statusOf(justInside.id)).status).toBe(STATUS.EXPIRED);
    for (const o of others) expect(await statusOf(o.id)).toBeDefined();

    // A shorter interval reaches further.
    expect((await cleanExpired(now, 1, Date.now() + 5000)).deleted).toBe(2);
  });
});
