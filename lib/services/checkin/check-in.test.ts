import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { appointments, attendees, auditLog, rooms, STATUS } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { runMaintenance } from "@/lib/jobs/run-maintenance";
import { sentTexts, useFakeWecom } from "@/lib/jobs/testing/fake-wecom";
import { booking, HOUR, MIN, resetBookings, room, setSettings, user } from "@/lib/jobs/testing/fixtures";
import { getRoomAvailability } from "@/lib/services/rooms/get-room-availability";
import { formatDate } from "@/lib/time";
import { checkIn, getCheckInView } from "./check-in";
import { noShowCounts } from "./no-show-counts";

useTestDb();
const wecom = useFakeWecom();

// A whole hour about two days ahead, so that "now" can be pinned around it.
const START = new Date(Math.ceil((Date.now() + 2 * 24 * HOUR) / HOUR) * HOUR);
const TOKEN = "checkin-token-abcdefgh-1";

async function checkInRoom(place: string, token: string, required = true) {
  const r = await room(place);
  const db = await getDb();
  await db.update(rooms).set({ checkInRequired: required, checkInToken: token }).where(eq(rooms.id, r.id));
  return r;
}

beforeEach(async () => {
  await resetBookings();
  await setSettings({ openMinute: 0, closeMinute: 1440, autoReview: false, autoClean: false, checkInBeforeMinutes: 10, checkInAfterMinutes: 15 });
  wecom().state.messages.length = 0;
});

describe("check-in", () => {
  it("opens 10 minutes before the start and closes 15 after; the booker or an attendee checks in once", async () => {
    const r = await checkInRoom("CI-1", TOKEN);
    const [booker, guest, stranger] = await Promise.all(["2020111111", "2020222222", "2020333333"].map(user));
    const b = await booking({ roomId: r.id, userId: booker.id, start: START, minutes: 60, status: STATUS.APPROVED });
    const db = await getDb();
    await db.insert(attendees).values({ appointmentId: b.id, userId: guest.id, name: guest.name });

    const early = new Date(START.getTime() - 11 * MIN);
    const viewEarly = await getCheckInView(TOKEN, booker.id, early);
    expect(viewEarly.current).toBeNull();
    expect(viewEarly.next?.id).toBe(b.id);
    await expect(checkIn(TOKEN, booker, early)).rejects.toMatchObject({ code: 2009 });
    await expect(checkIn(TOKEN, stranger, START)).rejects.toMatchObject({ code: 2009 });
    await expect(checkIn("no-such-token-000000", booker, START)).rejects.toMatchObject({ code: 4040 });

    const atOpen = new Date(START.getTime() - 10 * MIN);
    const first = await checkIn(TOKEN, guest, atOpen);
    expect(first).toMatchObject({ appointmentId: b.id, already: false });
    const again = await checkIn(TOKEN, booker, new Date(START.getTime() + 5 * MIN));
    expect(again).toMatchObject({ appointmentId: b.id, already: true });
    expect(again.checkedInAt.getTime()).toBe(atOpen.getTime());

    const [row] = await db.select().from(appointments).where(eq(appointments.id, b.id));
    expect(row.checkedInBy).toBe(guest.id);
    const [att] = await db.select().from(attendees).where(eq(attendees.appointmentId, b.id));
    expect(att).toMatchObject({ isSigned: true, signType: 2 });
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "booking.checked_in"));
    expect(audits.filter((a) => a.objectId === String(b.id))).toHaveLength(1);

    // A checked-in booking survives the deadline.
    await runMaintenance({ now: new Date(START.getTime() + 16 * MIN) });
    const [after] = await db.select().from(appointments).where(eq(appointments.id, b.id));
    expect(after.status).toBe(STATUS.APPROVED);
  });

  it("releases a no-show at the deadline (pinned clock): cancelled, slot free again, booker notified once", async () => {
    const r = await checkInRoom("CI-2", "checkin-token-abcdefgh-2");
    const plain = await checkInRoom("CI-3", "checkin-token-abcdefgh-3", false);
    const booker = await user("2020123456");
    const b = await booking({ roomId: r.id, userId: booker.id, start: START, minutes: 120, status: STATUS.APPROVED });
    const untouched = await booking({ roomId: plain.id, userId: booker.id, start: START, minutes: 120, status: STATUS.APPROVED });
    const db = await getDb();
    const free = async () => {
      const day = await getRoomAvailability({ roomId: r.id, date: formatDate(START), duration: 15, size: 0 }, new Date(START.getTime() - HOUR));
      return day.rooms[0].busy.length === 0;
    };
    expect(await free()).toBe(false);

    // One minute before the deadline: nothing happens.
    const before = await runMaintenance({ now: new Date(START.getTime() + 14 * MIN) });
    expect(before.steps?.noShow).toMatchObject({ ok: true, released: 0 });
    expect((await db.select().from(appointments).where(eq(appointments.id, b.id)))[0].status).toBe(STATUS.APPROVED);

    const deadline = new Date(START.getTime() + 15 * MIN);
    const report = await runMaintenance({ now: deadline });
    expect(report.steps?.noShow).toMatchObject({ ok: true, released: 1, ids: [b.id] });
    const [released] = await db.select().from(appointments).where(eq(appointments.id, b.id));
    expect(released).toMatchObject({ status: STATUS.CANCELLED, checkInfo: "未签到，已自动释放" });
    expect(released.noShowAt?.getTime()).toBe(deadline.getTime());
    expect((await db.select().from(appointments).where(eq(appointments.id, untouched.id)))[0].status).toBe(STATUS.APPROVED);
    expect(await free()).toBe(true);

    // Later runs do not release or message again.
    await runMaintenance({ now: new Date(deadline.getTime() + MIN) });
    await runMaintenance({ now: new Date(deadline.getTime() + 2 * MIN) });
    const texts = sentTexts(wecom()).filter((t) => t.content.includes(`预约序号：${b.id}\n`));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ touser: "2020123456" });
    expect(texts[0].content).toContain("预约结果：未签到，已自动释放");
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "booking.no_show_released"));
    expect(audits.map((a) => a.objectId)).toEqual([String(b.id)]);

    // Counted per person and room, also after the booking expired.
    await runMaintenance({ now: new Date(START.getTime() + 3 * HOUR) });
    const [expired] = await db.select().from(appointments).where(eq(appointments.id, b.id));
    expect(expired.status).toBe(STATUS.EXPIRED);
    const counts = await noShowCounts({ from: new Date(START.getTime() - HOUR), to: new Date(START.getTime() + 4 * HOUR) });
    expect(counts.total).toBe(1);
    expect(counts.byUser).toEqual([expect.objectContaining({ userid: "2020123456", count: 1 })]);
    expect(counts.byRoom).toEqual([expect.objectContaining({ place: "CI-2", count: 1 })]);
  });

  it("uses the configured window", async () => {
    const r = await checkInRoom("CI-4", "checkin-token-abcdefgh-4");
    await setSettings({ checkInBeforeMinutes: 30, checkInAfterMinutes: 5 });
    const booker = await user("2020555555");
    const b = await booking({ roomId: r.id, userId: booker.id, start: START, minutes: 60, status: STATUS.APPROVED });
    expect((await checkIn("checkin-token-abcdefgh-4", booker, new Date(START.getTime() - 30 * MIN))).appointmentId).toBe(b.id);
    const other = await booking({ roomId: r.id, userId: booker.id, start: new Date(START.getTime() + 2 * HOUR), minutes: 60, status: STATUS.APPROVED });
    const report = await runMaintenance({ now: new Date(other.startsAt.getTime() + 5 * MIN) });
    expect(report.steps?.noShow).toMatchObject({ released: 1, ids: [other.id] });
  });
});
