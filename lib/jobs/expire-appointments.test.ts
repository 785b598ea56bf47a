import { beforeEach, describe, expect, it } from "vitest";
import { STATUS } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { expireAppointments } from "./expire-appointments";
import { booking, MIN, resetBookings, room, statusOf, user } from "./testing/fixtures";

useTestDb();

describe("expiry", () => {
  beforeEach(resetBookings);

  it("expires approved, cancelled and rejected bookings whose end passed, and pending ones whose start passed", async () => {
    const r = await room("E101");
    const u = await user("e-user");
    const now = new Date();
    const ago = (m: number) => new Date(now.getTime() - m * MIN);
    const at = (start: Date, minutes: number, status: number) => booking({ roomId: r.id, userId: u.id, start, minutes, status });

    const ended = {
      approved: await at(ago(120), 60, STATUS.APPROVED),
      cancelled: await at(ago(120), 60, STATUS.CANCELLED),
      rejected: await at(ago(120), 60, STATUS.REJECTED),
    };
    // Started but not ended: a pending one is too late to approve; the others are still current.
    const running = {
      pending: await at(ago(10), 60, STATUS.PENDING),
      approved: await at(ago(30), 60, STATUS.APPROVED),
      cancelled: await at(ago(30), 60, STATUS.CANCELLED),
      rejected: await at(ago(30), 60, STATUS.REJECTED),
    };
    const future = await at(new Date(now.getTime() + 60 * MIN), 60, STATUS.PENDING);
    const alreadyExpired = await at(ago(300), 60, STATUS.EXPIRED);

    const report = await expireAppointments(now);
    expect(report).toEqual({ expired: 4, from: { approved: 1, cancelled: 1, rejected: 1, pending: 1 } });

    for (const b of [ended.approved, ended.cancelled, ended.rejected, running.pending]) {
      expect(await statusOf(b.id)).toEqual({ status: STATUS.EXPIRED, checkInfo: "预约已过期" });
    }
    expect((await statusOf(running.approved.id)).status).toBe(STATUS.APPROVED);
    expect((await statusOf(running.cancelled.id)).status).toBe(STATUS.CANCELLED);
    expect((await statusOf(running.rejected.id)).status).toBe(STATUS.REJECTED);
    expect((await statusOf(future.id)).status).toBe(STATUS.PENDING);
    expect((await statusOf(alreadyExpired.id)).status).toBe(STATUS.EXPIRED);

    // Idempotent: nothing left to do.
    expect((await expireAppointments(now)).expired).toBe(0);
  });
});
