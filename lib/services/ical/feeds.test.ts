import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { appointments, attendees, auditLog, rooms, STATUS } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { booking, HOUR, resetBookings, room, user } from "@/lib/jobs/testing/fixtures";
import { cancelAppointment } from "@/lib/services/booking/cancel-appointment";
import { buildIcs, foldLine } from "./build-ics";
import { bookingIcs, getOrCreateIcalToken, personalFeed, regenerateIcalToken, roomFeed } from "./feeds";

useTestDb();

// A whole hour two days ahead: 2 days + n hours later in Shanghai is a known wall-clock time.
const START = new Date(Math.ceil((Date.now() + 2 * 24 * HOUR) / HOUR) * HOUR);

/** Parses with ical.js (throws on malformed input) and resolves times through the feed's own VTIMEZONE. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const events = cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      summary: e.summary,
      location: e.location,
      description: e.description,
      status: String(v.getFirstPropertyValue("status")),
      start: e.startDate.toJSDate(),
      end: e.endDate.toJSDate(),
      tzid: e.startDate.zone?.tzid,
    };
  });
  return { cal, events };
}

beforeEach(async () => {
  await resetBookings();
});

describe("calendar feeds", () => {
  it("a personal feed parses, carries Asia/Shanghai times, pending as TENTATIVE and cancelled as CANCELLED", async () => {
    const r = await room("ICS-1");
    const db = await getDb();
    await db.update(rooms).set({ building: "图书馆", floor: "3" }).where(eq(rooms.id, r.id));
    const me = await user("2021000001");
    const other = await user("2021000002");
    const approved = await booking({ roomId: r.id, userId: me.id, start: START, minutes: 90, status: STATUS.APPROVED });
    const pending = await booking({ roomId: r.id, userId: me.id, start: new Date(START.getTime() + 3 * HOUR), minutes: 60 });
    const invited = await booking({ roomId: r.id, userId: other.id, start: new Date(START.getTime() + 6 * HOUR), minutes: 60, status: STATUS.APPROVED });
    await db.insert(attendees).values({ appointmentId: invited.id, userId: me.id });
    await booking({ roomId: r.id, userId: other.id, start: new Date(START.getTime() + 8 * HOUR), minutes: 60, status: STATUS.APPROVED });
    await db.update(appointments).set({ purpose: "组会; 第1周, 讨论\\进度" }).where(eq(appointments.id, approved.id));

    const token = await getOrCreateIcalToken(me.id);
    expect(await getOrCreateIcalToken(me.id)).toBe(token);
    const { cal, events } = parse(await personalFeed(token));

    const tz = cal.getFirstSubcomponent("vtimezone");
    expect(tz?.getFirstPropertyValue("tzid")).toBe("Asia/Shanghai");
    expect(tz?.getFirstSubcomponent("standard")?.getFirstPropertyValue("tzoffsetto")?.toString()).toBe("+08:00");
    expect(events.map((e) => e.uid).sort()).toEqual([approved.id, pending.id, invited.id].map((id) => `booking-${id}@localhost:3000`).sort());

    const a = events.find((e) => e.uid.startsWith(`booking-${approved.id}@`))!;
    expect(a).toMatchObject({ status: "CONFIRMED", tzid: "Asia/Shanghai", summary: "组会; 第1周, 讨论\\进度（ICS-1）", location: "ICS-1 · 图书馆 · 3层" });
    expect(a.start.getTime()).toBe(START.getTime());
    expect(a.end.getTime()).toBe(START.getTime() + 90 * 60_000);
    expect(a.description).toContain(`预约号：${approved.id}`);
    expect(events.find((e) => e.uid.startsWith(`booking-${pending.id}@`))!.status).toBe("TENTATIVE");

    // A change is a new SEQUENCE of the same UID; a cancellation stays in the feed as CANCELLED.
    const before = a.sequence;
    await cancelAppointment(approved.id, me.id);
    const after = parse(await personalFeed(token)).events.find((e) => e.uid === a.uid)!;
    expect(after.status).toBe("CANCELLED");
    expect(after.sequence).toBeGreaterThan(before);
    await db.update(appointments).set({ startsAt: new Date(pending.startsAt.getTime() + HOUR), endsAt: new Date(pending.endsAt.getTime() + HOUR) }).where(eq(appointments.id, pending.id));
    const moved = parse(await personalFeed(token)).events.find((e) => e.uid.startsWith(`booking-${pending.id}@`))!;
    expect(moved.sequence).toBe(1);
    expect(moved.start.getTime()).toBe(pending.startsAt.getTime() + HOUR);
  });

  it("an expired booking that took place stays CONFIRMED; one that expired pending is CANCELLED", async () => {
    const r = await room("ICS-2");
    const me = await user("2021000003");
    const past = new Date(Date.now() - 5 * HOUR);
    const held = await booking({ roomId: r.id, userId: me.id, start: past, minutes: 60, status: STATUS.APPROVED });
    const never = await booking({ roomId: r.id, userId: me.id, start: new Date(past.getTime() + 2 * HOUR), minutes: 60 });
    const db = await getDb();
    await db.update(appointments).set({ status: STATUS.EXPIRED }).where(eq(appointments.id, held.id));
    await db.update(appointments).set({ status: STATUS.EXPIRED }).where(eq(appointments.id, never.id));
    const { events } = parse(await personalFeed(await getOrCreateIcalToken(me.id)));
    expect(events.find((e) => e.uid.startsWith(`booking-${held.id}@`))!.status).toBe("CONFIRMED");
    expect(events.find((e) => e.uid.startsWith(`booking-${never.id}@`))!.status).toBe("CANCELLED");
  });

  it("a regenerated token retires the old address; unknown tokens are not found", async () => {
    const me = await user("2021000004");
    const old = await getOrCreateIcalToken(me.id);
    const fresh = await regenerateIcalToken(me.id);
    expect(fresh).not.toBe(old);
    await expect(personalFeed(old)).rejects.toMatchObject({ code: 4040 });
    await expect(personalFeed("short")).rejects.toMatchObject({ code: 4040 });
    expect(parse(await personalFeed(fresh)).events).toEqual([]);
    const db = await getDb();
    const rows = await db.select().from(auditLog).where(eq(auditLog.objectId, String(me.id)));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["user.ical_token_created", "user.ical_token_regenerated"]));
  });

  it("the room feed lists everyone's bookings with the booker; the single download is the booker's or an admin's", async () => {
    const r = await room("ICS-3");
    const db = await getDb();
    await db.update(rooms).set({ icalToken: "room-feed-token-0123456789" }).where(eq(rooms.id, r.id));
    const [a, b] = await Promise.all([user("2021000005"), user("2021000006")]);
    const x = await booking({ roomId: r.id, userId: a.id, start: START, minutes: 60, status: STATUS.APPROVED });
    await booking({ roomId: r.id, userId: b.id, start: new Date(START.getTime() + 2 * HOUR), minutes: 60 });
    const { events } = parse(await roomFeed("room-feed-token-0123456789"));
    expect(events).toHaveLength(2);
    expect(events[0].description).toContain("预约人：");

    const one = parse(await bookingIcs({ user: { id: a.id, userid: a.userid }, admin: null }, x.id)).events;
    expect(one).toHaveLength(1);
    await expect(bookingIcs({ user: { id: b.id, userid: b.userid }, admin: null }, x.id)).rejects.toMatchObject({ code: 2007 });
  });

  it("folds long lines at 75 octets without splitting characters, and the result still parses", () => {
    const long = "会议".repeat(80);
    for (const line of foldLine(`SUMMARY:${long}`).split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const text = buildIcs({
      name: "x",
      tz: "Europe/Berlin",
      events: [{ uid: "u1", sequence: 0, updatedAt: new Date(), start: START, end: new Date(START.getTime() + HOUR), summary: long, location: "", description: "a\nb", status: "CONFIRMED" }],
    });
    const { events } = parse(text);
    expect(events[0].summary).toBe(long);
    expect(events[0].description).toBe("a\nb");
    expect(events[0].start.getTime()).toBe(START.getTime());
  });
});
