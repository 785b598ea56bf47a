import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { useTestDb } from "@/lib/db/testing";
import { appointments, rooms, STATUS } from "@/lib/db/schema";
import { CHECK_INFO } from "@/lib/services/booking/check-info";
import { at, makeBooking, makeRoom, makeUser, setHours } from "@/lib/services/testing/fixtures";
import { expireAppointments } from "@/lib/jobs/expire-appointments";
import { formatDate, localParts } from "@/lib/time";
import { getReport, NO_SHOW_INFO } from "./get-report";
import { exportReportBookings, exportReportFigures } from "./export-report";

const admin = { id: 1, username: "admin", privileged: true };

describe("reports", () => {
  useTestDb();

  it("computes utilization, heat map, no-show rate, statuses, busiest rooms and cancellations from hand-made bookings", async () => {
    await setHours(8 * 60, 22 * 60); // 14 open hours a day
    const db = await getDb();
    const booker = await makeUser();
    const canceller = await makeUser();
    const a = await makeRoom({ place: "A101" });
    const b = await makeRoom({ place: "B202" });
    const c = await makeRoom({ place: "C303" });
    await db.update(rooms).set({ building: "逸夫楼", checkInRequired: true }).where(eq(rooms.id, a.id));
    await db.update(rooms).set({ building: "逸夫楼" }).where(eq(rooms.id, b.id));
    await db.update(rooms).set({ building: "图书馆" }).where(eq(rooms.id, c.id));

    // The week under report: days 10..16 from today. Days 10 and 11 hold the past-looking bookings.
    await makeBooking({ roomId: a.id, userId: booker.id, start: at(10, 9), minutes: 120, status: STATUS.APPROVED });
    const ended = await makeBooking({ roomId: a.id, userId: booker.id, start: at(11, 10), minutes: 60, status: STATUS.APPROVED });
    await makeBooking({ roomId: a.id, userId: booker.id, start: at(12, 10), minutes: 60, status: STATUS.CANCELLED, checkInfo: NO_SHOW_INFO });
    await makeBooking({ roomId: a.id, userId: booker.id, start: at(12, 15), minutes: 60, status: STATUS.PENDING });
    await makeBooking({ roomId: a.id, userId: booker.id, start: at(13, 15), minutes: 60, status: STATUS.REJECTED });
    await makeBooking({ roomId: b.id, userId: booker.id, start: at(10, 14), minutes: 180, status: STATUS.APPROVED });
    await makeBooking({ roomId: b.id, userId: canceller.id, start: at(14, 9), minutes: 60, status: STATUS.CANCELLED, checkInfo: CHECK_INFO.cancelled });
    await makeBooking({ roomId: b.id, userId: canceller.id, start: at(15, 9), minutes: 60, status: STATUS.CANCELLED, checkInfo: CHECK_INFO.cancelled });
    // Outside the range: ignored.
    await makeBooking({ roomId: c.id, userId: booker.id, start: at(17, 9), minutes: 600, status: STATUS.APPROVED });
    // The expiry run relabels an ended approved booking: it still counts as approved time.
    await expireAppointments(new Date(at(11, 11).getTime() + 60_000));
    const [expired] = await db.select().from(appointments).where(eq(appointments.id, ended.id));
    expect(expired).toMatchObject({ status: STATUS.EXPIRED, expiredFrom: STATUS.APPROVED });

    const r = await getReport(admin, { from: formatDate(at(10, 0)), to: formatDate(at(16, 0)) });
    expect(r.days).toBe(7);
    const open = 7 * 14 * 60;
    const room = (id: number) => r.rooms.find((x) => x.key === String(id))!;
    expect(room(a.id)).toMatchObject({ bookedMinutes: 180, openMinutes: open, bookings: 2 });
    expect(room(a.id).ratio).toBeCloseTo(180 / open, 6);
    expect(room(b.id)).toMatchObject({ bookedMinutes: 180, bookings: 1 });
    expect(room(c.id)).toMatchObject({ bookedMinutes: 0, bookings: 0 });
    const building = (name: string) => r.buildings.find((x) => x.label === name)!;
    expect(building("逸夫楼")).toMatchObject({ bookedMinutes: 360, openMinutes: 2 * open });
    expect(building("图书馆")).toMatchObject({ bookedMinutes: 0, openMinutes: open });

    // Heat map: on day 10's weekday, 09:00–10:00 holds 60 of the 60 × rooms open minutes.
    const dow = (d: Date) => ((new Date(Date.UTC(localParts(d).year, localParts(d).month - 1, localParts(d).day)).getUTCDay() + 6) % 7);
    const roomsCounted = r.rooms.length;
    expect(r.heatmap[dow(at(10, 0))][9]).toBeCloseTo(60 / (60 * roomsCounted), 6);
    expect(r.heatmap[dow(at(10, 0))][15]).toBeCloseTo(60 / (60 * roomsCounted), 6); // B 14–17
    expect(r.heatmap[dow(at(10, 0))][7]).toBeNull(); // closed hour
    expect(r.heatmap[dow(at(13, 0))][15]).toBe(0); // a rejected booking uses nothing

    expect(r.noShow).toEqual({ released: 1, approvedWithCheckIn: 3, rate: 1 / 3 });
    expect(r.byStatus).toEqual({ pending: 1, approved: 3, rejected: 1, cancelled: 3, expiredUnreviewed: 0, total: 8 });
    expect(r.busiest.map((x) => x.key).slice(0, 2).sort()).toEqual([String(a.id), String(b.id)].sort());
    expect(r.cancellations).toEqual([{ userid: canceller.userid, name: canceller.name, count: 2 }]);

    // Both exports are real workbooks.
    const figures = await exportReportFigures(admin, { from: r.from, to: r.to });
    const bookings = await exportReportBookings(admin, { from: r.from, to: r.to });
    expect(figures.subarray(0, 2).toString()).toBe("PK");
    expect(bookings.subarray(0, 2).toString()).toBe("PK");

    expect((await getReport(admin, { from: "2026-02-01", to: "2026-01-01" }).catch((e) => e)).message).toBe("结束日期不能早于开始日期");
    expect((await getReport(null as never, { from: r.from, to: r.to }).catch((e) => e)).code).toBe(1005);
  });
});
