import { describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { useTestDb } from "@/lib/db/testing";
import { appointments, auditLog, STATUS } from "@/lib/db/schema";
import { at, dayFromToday, makeBooking, makeRoom, makeUser, outboxRows, setHours } from "@/lib/services/testing/fixtures";
import { formatDate } from "@/lib/time";
import { addDays } from "@/lib/zoned-time";
import { cancelSeries } from "./cancel-series";
import { expandSeries } from "./expand-series";
import { getSeries } from "./get-series";
import { getSeriesCaps, updateSeriesCaps } from "./series-caps";
import { removeCalendarItem, saveHoliday, saveTerm } from "@/lib/services/calendar/academic-calendar";
import { seriesSettingsSchema } from "@/lib/validation/series-settings";
import { previewSeries } from "./preview-series";
import { reviewSeries } from "./review-series";
import { submitSeries } from "./submit-series";

const caps = { maxWeeks: 16, maxOccurrences: 100 };

describe("expanding a series", () => {
  it("daily, weekly, every two weeks, chosen weekdays, explicit dates; until a date or a count", () => {
    expect(expandSeries({ rule: "daily", firstDate: "2030-03-04", count: 3 }, caps)).toEqual(["2030-03-04", "2030-03-05", "2030-03-06"]);
    expect(expandSeries({ rule: "weekly", firstDate: "2030-03-05", untilDate: "2030-03-26" }, caps)).toEqual(["2030-03-05", "2030-03-12", "2030-03-19", "2030-03-26"]);
    expect(expandSeries({ rule: "biweekly", firstDate: "2030-03-05", count: 3 }, caps)).toEqual(["2030-03-05", "2030-03-19", "2030-04-02"]);
    // 2030-03-04 is a Monday: Mondays and Thursdays
    expect(expandSeries({ rule: "weekdays", firstDate: "2030-03-04", weekdays: [1, 4], untilDate: "2030-03-14" }, caps)).toEqual(["2030-03-04", "2030-03-07", "2030-03-11", "2030-03-14"]);
    expect(expandSeries({ rule: "dates", firstDate: "", dates: ["2030-03-09", "2030-03-02", "2030-03-09"] }, caps)).toEqual(["2030-03-02", "2030-03-09"]);
    expect(expandSeries({ rule: "weekly", firstDate: "2030-03-05", count: 16 }, caps)).toHaveLength(16);
  });

  it("is capped by the settings and refuses nonsense with the field named", () => {
    expect(() => expandSeries({ rule: "weekly", firstDate: "2030-03-05", count: 17 }, caps)).toThrow(/untilDate: 重复预约最长 16 周/);
    expect(() => expandSeries({ rule: "daily", firstDate: "2030-03-05", count: 101 }, caps)).toThrow(/count: 重复预约最多 100 次/);
    expect(() => expandSeries({ rule: "daily", firstDate: "2030-03-05", untilDate: "2030-06-25" }, caps)).toThrow(/16 周/);
    expect(() => expandSeries({ rule: "daily", firstDate: "2030-03-05" }, caps)).toThrow(/结束日期或次数/);
    expect(() => expandSeries({ rule: "daily", firstDate: "2030-02-30", count: 2 }, caps)).toThrow(/firstDate/);
    expect(() => expandSeries({ rule: "weekdays", firstDate: "2030-03-05", count: 2, weekdays: [8] }, caps)).toThrow(/weekdays/);
    expect(() => expandSeries({ rule: "weekly", firstDate: "2030-03-05", untilDate: "2030-03-01" }, caps)).toThrow(/不能早于/);
  });
});

describe("booking a series", () => {
  useTestDb();

  it("a 16-week series with 2 taken dates books 14 and reviews as one", async () => {
    await setHours(8 * 60, 22 * 60, { autoReview: false });
    const [me, other] = [await makeUser(), await makeUser()];
    const room = await makeRoom({ size: 10 });
    const first = formatDate(dayFromToday(3));
    // Two of the sixteen weekly dates are already taken; a third has a pending request.
    await makeBooking({ roomId: room.id, userId: other.id, start: at(3 + 14, 19, 30), minutes: 30, status: STATUS.APPROVED });
    await makeBooking({ roomId: room.id, userId: other.id, start: at(3 + 35, 18), minutes: 90, status: STATUS.APPROVED });
    await makeBooking({ roomId: room.id, userId: other.id, start: at(3 + 49, 20), minutes: 60 });
    const req = { userId: me.id, roomId: room.id, rule: "weekly" as const, firstDate: first, count: 16, start: "19:00", duration: 120, size: 8 };

    const preview = await previewSeries(req);
    expect(preview.occurrences).toHaveLength(16);
    const states = preview.occurrences.map((o) => o.state);
    expect(states.filter((s) => s === "taken")).toHaveLength(2);
    expect(preview.occurrences[2].state).toBe("taken");
    expect(preview.occurrences[5].state).toBe("taken");
    expect(preview.occurrences[7]).toMatchObject({ state: "pending", pending: 1 });
    expect(states.filter((s) => s === "free")).toHaveLength(13);

    const res = await submitSeries({ ...req, phone: "13912345678", purpose: "组会" });
    expect(res.booked).toHaveLength(14);
    expect(res.skipped.map((s) => [s.date, s.state])).toEqual([
      [addDays(first, 14), "taken"],
      [addDays(first, 35), "taken"],
    ]);
    expect(res.booked.every((b) => b.status === STATUS.PENDING)).toBe(true);
    const detail = await getSeries({ user: { id: me.id } as never, admin: null }, res.seriesId);
    expect(detail.occurrences).toHaveLength(14);
    expect(detail.occurrences.every((o) => o.cancellable)).toBe(true);
    const db = await getDb();
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "series.submitted")).orderBy(desc(auditLog.id));
    expect(audit.objectId).toBe(String(res.seriesId));

    // Review as one: the whole series approved in one action, one message to the booker.
    const before = (await outboxRows()).length;
    const report = await reviewSeries({ seriesId: res.seriesId, action: "approve" }, { adminId: null, name: "alice" });
    expect(report.approved).toHaveLength(14);
    const rows = await db.select({ status: appointments.status, seriesId: appointments.seriesId }).from(appointments).where(eq(appointments.seriesId, res.seriesId));
    expect(rows.every((r) => r.status === STATUS.APPROVED)).toBe(true);
    const messages = (await outboxRows()).slice(before).filter((m) => m.topic === "wecom.message");
    // One for the booker, one for the pending request the approval took the slot from.
    expect(messages.map((m) => JSON.stringify(m.payload)).filter((p) => p.includes("重复预约"))).toHaveLength(1);
  });

  it("instant decision per date with auto-review on; cancels one date, this-and-following, all", async () => {
    await setHours(8 * 60, 22 * 60, { autoReview: true });
    const me = await makeUser();
    const stranger = await makeUser();
    const room = await makeRoom({ size: 10 });
    const first = formatDate(dayFromToday(2));
    const res = await submitSeries({ userId: me.id, roomId: room.id, rule: "daily", firstDate: first, count: 6, start: "09:00", duration: 60, size: 2, phone: "13912345678", purpose: "晨会", skip: [addDays(first, 1)] });
    expect(res.booked).toHaveLength(5);
    expect(res.skipped).toEqual([{ date: addDays(first, 1), state: "skipped", reason: null }]);
    expect(res.booked.every((b) => b.status === STATUS.APPROVED)).toBe(true);
    const ids = res.booked.map((b) => b.id);

    await expect(cancelSeries(res.seriesId, stranger.id, "all")).rejects.toMatchObject({ code: 2007 });
    expect(await cancelSeries(res.seriesId, me.id, "one", ids[1])).toEqual({ cancelled: [ids[1]] });
    expect(await cancelSeries(res.seriesId, me.id, "following", ids[3])).toEqual({ cancelled: [ids[3], ids[4]] });
    expect(await cancelSeries(res.seriesId, me.id, "all")).toEqual({ cancelled: [ids[0], ids[2]] });
    await expect(cancelSeries(res.seriesId, me.id, "all")).rejects.toMatchObject({ code: 2006 });
  });

  it("stores nothing when no date can be booked, and refuses whole-request faults as errors", async () => {
    await setHours(8 * 60, 22 * 60, { autoReview: false });
    const me = await makeUser();
    const room = await makeRoom({ size: 4 });
    const first = formatDate(dayFromToday(2));
    const base = { userId: me.id, roomId: room.id, rule: "daily" as const, firstDate: first, count: 2, duration: 60, size: 2, phone: "13912345678", purpose: "x" };
    await expect(submitSeries({ ...base, start: "07:00" })).rejects.toMatchObject({ code: 2003 });
    await expect(submitSeries({ ...base, start: "09:00", size: 5 })).rejects.toMatchObject({ code: 4002 });
    expect((await previewSeries({ ...base, start: "07:00" })).occurrences.map((o) => o.state)).toEqual(["outside-hours", "outside-hours"]);
    const db = await getDb();
    expect(await db.select().from(appointments).where(eq(appointments.roomId, room.id))).toEqual([]);
  });

  it("the admin's caps: changed by a super admin only, checked field by field, audited, and in force for the next preview", async () => {
    const SUPER = { id: 1, username: "admin", privileged: true };
    const PLAIN = { id: 2, username: "helper", privileged: false };
    await setHours(8 * 60, 22 * 60, { autoReview: false });
    expect(await getSeriesCaps()).toEqual({ maxWeeks: 16, maxOccurrences: 100 });

    // The endpoint's schema names the field of a bad value (the 4002 the route answers with).
    const bad = (input: Record<string, unknown>) => {
      const r = seriesSettingsSchema.safeParse(input);
      return r.success ? null : r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    };
    expect(bad({ seriesMaxWeeks: "0", seriesMaxOccurrences: "100" })).toEqual(["seriesMaxWeeks: 不能小于1"]);
    expect(bad({ seriesMaxWeeks: "16", seriesMaxOccurrences: "501" })).toEqual(["seriesMaxOccurrences: 不能大于500"]);
    expect(bad({ seriesMaxWeeks: "1.5", seriesMaxOccurrences: "10" })).toEqual(["seriesMaxWeeks: 必须是整数"]);
    expect(bad({ seriesMaxWeeks: "", seriesMaxOccurrences: "abc" })).toHaveLength(2);
    expect(seriesSettingsSchema.parse({ seriesMaxWeeks: "4", seriesMaxOccurrences: "3" })).toEqual({ seriesMaxWeeks: 4, seriesMaxOccurrences: 3 });

    await expect(updateSeriesCaps(PLAIN, { seriesMaxWeeks: 4, seriesMaxOccurrences: 3 })).rejects.toMatchObject({ code: 1006 });
    await expect(updateSeriesCaps(null, { seriesMaxWeeks: 4, seriesMaxOccurrences: 3 })).rejects.toMatchObject({ code: 1005 });
    expect(await updateSeriesCaps(SUPER, { seriesMaxWeeks: 4, seriesMaxOccurrences: 3 })).toEqual({ maxWeeks: 4, maxOccurrences: 3 });

    const db = await getDb();
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "settings.series_changed")).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ actorKind: "admin", objectKind: "settings", objectId: "1" });
    expect(audit.before).toEqual({ seriesMaxWeeks: 16, seriesMaxOccurrences: 100 });
    expect(audit.after).toEqual({ seriesMaxWeeks: 4, seriesMaxOccurrences: 3 });

    // In force at once: four dates are one too many, five weeks too far.
    const me = await makeUser();
    const room = await makeRoom({ size: 10 });
    const first = formatDate(dayFromToday(2));
    const req = { userId: me.id, roomId: room.id, rule: "weekly" as const, firstDate: first, start: "10:00", duration: 60, size: 2 };
    expect((await previewSeries({ ...req, count: 3 })).occurrences).toHaveLength(3);
    await expect(previewSeries({ ...req, count: 4 })).rejects.toMatchObject({ code: 4002, field: "count" });
    await expect(previewSeries({ ...req, rule: "daily", untilDate: addDays(first, 28) })).rejects.toMatchObject({ code: 4002, field: "untilDate" });

    await updateSeriesCaps(SUPER, { seriesMaxWeeks: 16, seriesMaxOccurrences: 100 });
  });

  it("the preview names each date's teaching week and holiday (第N周 beside the date)", async () => {
    const SUPER = { id: 1, username: "admin", privileged: true };
    await setHours(8 * 60, 22 * 60, { autoReview: false });
    const me = await makeUser();
    const room = await makeRoom({ size: 10 });
    const first = formatDate(dayFromToday(2));
    const req = { userId: me.id, roomId: room.id, rule: "weekly" as const, firstDate: first, count: 4, start: "10:00", duration: 60, size: 2 };
    expect((await previewSeries(req)).occurrences.map((o) => [o.week, o.holiday])).toEqual(Array(4).fill([null, null]));

    // A two-week term beginning on the first date, and a holiday on the second date.
    const term = await saveTerm(SUPER, { name: `预览学期${me.id}`, firstDay: first, weeks: 2 });
    await saveHoliday(SUPER, { name: "运动会", firstDay: addDays(first, 7), lastDay: addDays(first, 7) });
    const labelled = (await previewSeries(req)).occurrences;
    expect(labelled.map((o) => [o.date, o.week, o.holiday])).toEqual([
      [first, 1, null],
      [addDays(first, 7), 2, "运动会"],
      [addDays(first, 14), null, null],
      [addDays(first, 21), null, null],
    ]);
    await removeCalendarItem(SUPER, "term", term.id);
  });
});
