import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { useTestDb } from "@/lib/db/testing";
import { appointments, openApiSubscriptions, outbox, STATUS } from "@/lib/db/schema";
import { newOpenClient } from "@/lib/http/testing/open-client";
import { submitAppointment } from "@/lib/services/booking/submit-appointment";
import { approveAppointments } from "@/lib/services/review/approve-appointments";
import { at, makeBooking, setAutoReview } from "@/lib/services/testing/fixtures";

// Meetings booked through the Open API obey the same rules as bookings made in the pages / legacy API, because
// they go through the same services: a conflict either way is refused.

useTestDb();
let api: Awaited<ReturnType<typeof newOpenClient>>;
let alice: string;
let bob: string;
beforeAll(async () => {
  api = await newOpenClient();
  alice = (await api.call("user/add", { name: "Alice", account: "alice", phone: "13900000001" })).body.value.id;
  bob = (await api.call("user/add", { name: "Bob", account: "bob" })).body.value.id;
});

const book = (roomId: string, start: Date, minutes: number, extra: Record<string, unknown> = {}) =>
  api.call("meeting/book", {
    roomId,
    speaker: "主持人",
    subject: "例会",
    beginTime: start.getTime(),
    endTime: start.getTime() + minutes * 60_000,
    createdId: alice,
    attendances: [{ userId: alice }, { userId: bob, name: "鲍勃" }],
    ...extra,
  });

describe("meeting/book", () => {
  it("approves at once in a room without review, and a legacy submission of the same slot then gets 2003", async () => {
    const room = (await api.call("room/add", { name: "免审会议室", needAudit: 0, capacity: 10 })).body.value;
    const res = await book(room.id, at(2, 10), 60, { address: "一楼", memo: "<p>hi</p>" });
    expect(res.body).toMatchObject({ success: true, code: 10000 });
    expect(res.body.value).toMatchObject({
      roomId: room.id,
      speaker: "主持人",
      subject: "例会",
      beginTime: at(2, 10).getTime(),
      checkedState: 1,
      address: "一楼",
      memo: "<p>hi</p>",
    });
    expect(res.body.value.attendances).toEqual([
      expect.objectContaining({ userId: alice, name: "Alice", phone: "13900000001", isSigned: 0, signType: 0 }),
      expect.objectContaining({ userId: bob, name: "鲍勃" }),
    ]);
    await expect(
      submitAppointment({ userId: Number(bob), roomId: Number(room.id), datetime: at(2, 10, 30).getTime(), duration: 30, size: 2, phone: "13800138000", purpose: "x" }),
    ).rejects.toMatchObject({ code: 2003 });
  });

  it("a page booking of a room without review is approved at once (the same rule as the Open API's)", async () => {
    const room = (await api.call("room/add", { name: "页面免审会议室", needAudit: 0 })).body.value;
    const { id } = await submitAppointment({ userId: Number(bob), roomId: Number(room.id), datetime: at(6, 10).getTime(), duration: 30, size: 1, phone: "13800138000", purpose: "页面" });
    expect((await api.call("meeting/get", { meetingId: String(id) })).body.value).toMatchObject({ checkedState: 1, subject: "页面", speaker: "Bob" });
  });

  it("a slot approved through the pages' services is refused with 71014; pending ones are not conflicts", async () => {
    await setAutoReview(false); // the page booking waits for review
    const room = (await api.call("room/add", { name: "审核会议室", capacity: 10 })).body.value;
    const { id } = await submitAppointment({ userId: Number(bob), roomId: Number(room.id), datetime: at(3, 10).getTime(), duration: 60, size: 2, phone: "13800138000", purpose: "x" });
    const pendingBoth = await book(room.id, at(3, 10, 30), 30);
    expect(pendingBoth.body.value.checkedState).toBe(0); // needAudit: waits for review like a page booking
    await approveAppointments([id], { adminId: null, name: "admin" });
    const after = await api.call("meeting/get", { meetingId: pendingBoth.body.value.id });
    expect(after.body.value.checkedState).toBe(2); // the approval's cascade rejected the overlapping request
    const res = await book(room.id, at(3, 10, 30), 30);
    expect(res.body).toMatchObject({ success: false, code: 71014 });
  });

  it("room hours, permission, capacity and ids", async () => {
    const room = (await api.call("room/add", { name: "限时会议室", beginTime: "09:00", endTime: "12:00", capacity: 1, permission: 1, userIds: [alice] })).body.value;
    expect((await book(room.id, at(2, 13), 30, { attendances: [{ userId: alice }] })).body.code).toBe(71001);
    await expect(
      submitAppointment({ userId: Number(alice), roomId: Number(room.id), datetime: at(2, 13).getTime(), duration: 30, size: 1, phone: "1", purpose: "x" }),
    ).rejects.toMatchObject({ code: 3003 });
    expect((await book(room.id, at(2, 9), 30, { createdId: bob, attendances: [{ userId: bob }] })).body.code).toBe(71016);
    expect((await book(room.id, at(2, 9), 30)).body).toMatchObject({ code: 71001, fieldErrors: { attendances: expect.any(String) } });
    expect((await book(room.id, at(2, 9), 30, { attendances: [{ userId: alice }] })).body.success).toBe(true);
    expect((await book("99999", at(2, 9), 30)).body.code).toBe(71011);
    expect((await book(room.id, at(2, 9), 30, { createdId: "99999" })).body.code).toBe(71009);
    expect((await book(room.id, at(2, 9), 30, { attendances: [{ userId: "99999" }] })).body.code).toBe(71009);
    expect((await book(room.id, at(-1, 9), 30, { attendances: [{ userId: alice }] })).body).toMatchObject({ code: 71001, fieldErrors: { beginTime: expect.any(String) } });
    expect((await api.call("meeting/book", { roomId: room.id })).body.code).toBe(71005);
    expect((await book(room.id, at(2, 9), 30, { beginTime: "soon" })).body.code).toBe(71008);
  });
});

describe("meeting list/get/update/cancel/finish", () => {
  it("lists the next 30 days by default, filters and sorts", async () => {
    const all = (await api.call("meeting/list")).body.value as { beginTime: number; id: string }[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.map((m) => m.beginTime)).toEqual([...all.map((m) => m.beginTime)].sort((a, b) => a - b));
    const desc = (await api.call("meeting/list", { order_by_expression: "beginTime", direction: "desc" })).body.value as { beginTime: number }[];
    expect(desc[0].beginTime).toBe(Math.max(...all.map((m) => m.beginTime)));
    const approved = (await api.call("meeting/list", { checkedState: "1" })).body.value as { checkedState: number }[];
    expect(approved.every((m) => m.checkedState === 1)).toBe(true);
    const like = (await api.call("meeting/list", { speakerLike: "持" })).body.value as { speaker: string }[];
    expect(like.length).toBeGreaterThan(0);
    expect(like.every((m) => m.speaker.includes("持"))).toBe(true);
    expect((await api.call("meeting/list", { minTime: "tomorrow" })).body.code).toBe(71001);
    expect((await api.call("meeting/get", { meetingId: "99999" })).body.code).toBe(71012);
  });

  it("update moves a meeting through the same rules; cancel and finish obey the meeting's state", async () => {
    const room = (await api.call("room/add", { name: "改期会议室", needAudit: 0 })).body.value;
    const m = (await book(room.id, at(4, 14), 60)).body.value;
    const moved = await api.call("meeting/update", { id: m.id, beginTime: at(4, 15).getTime(), endTime: at(4, 16).getTime(), subject: "改期", attendances: [{ userId: bob }] });
    expect(moved.body.value).toMatchObject({ beginTime: at(4, 15).getTime(), subject: "改期", checkedState: 1 });
    expect(moved.body.value.attendances).toHaveLength(1);
    const blocker = (await book(room.id, at(4, 10), 60)).body.value;
    expect((await api.call("meeting/update", { id: m.id, beginTime: at(4, 10, 30).getTime(), endTime: at(4, 11).getTime() })).body.code).toBe(71014);
    expect((await api.call("meeting/ finish", { meetingId: blocker.id })).body.code).toBe(71015); // not started
    expect((await api.call("meeting/cancel", { meetingId: blocker.id })).body).toEqual({ success: true, code: 10000, message: "", fieldErrors: {} });
    expect((await api.call("meeting/cancel", { meetingId: blocker.id })).body.code).toBe(71015);
    expect((await api.call("meeting/cancel", { meetingId: "99999" })).body.code).toBe(71012);

    const db = await getDb();
    const now = Date.now();
    const running = await makeBooking({ roomId: Number(room.id), userId: Number(alice), start: new Date(now - 10 * 60_000), minutes: 120, status: STATUS.APPROVED });
    expect((await api.call("meeting/%20finish", { meetingId: String(running.id) })).body.success).toBe(true);
    const [row] = await db.select().from(appointments).where(eq(appointments.id, running.id));
    expect(row.endsAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(row.finishedAt).not.toBeNull();
  });
});

describe("events", () => {
  it("every change records one openapi.event per object for each subscription, in its transaction", async () => {
    const db = await getDb();
    await db.insert(openApiSubscriptions).values({ credentialId: api.cred.id, callbackUrl: "http://127.0.0.1:1/x", aesKey: "a".repeat(43), token: "t", verifiedAt: new Date() });
    const room = (await api.call("room/add", { name: "事件会议室", needAudit: 0 })).body.value;
    const m = (await book(room.id, at(5, 9), 30)).body.value;
    await api.call("meeting/cancel", { meetingId: m.id });
    const refused = await book(room.id, at(5, 3), 30); // outside hours: nothing stored, no event
    expect(refused.body.success).toBe(false);
    const rows = await db.select().from(outbox).where(eq(outbox.topic, "openapi.event")).orderBy(outbox.id);
    const events = rows.map((r) => (r.payload as { event: { event_type: string } }).event.event_type);
    expect(events).toEqual(["room_add", "book_success", "book_update", "book_cancel"]);
    expect(rows[1].orderingKey).toBe(`openapi:${api.cred.id}:meeting:${m.id}`);
    expect((rows[3].payload as { event: { value: unknown } }).event.value).toEqual([m.id]);
    expect((rows[2].payload as { event: { value: { checkedState: number }[] } }).event.value[0].checkedState).toBe(1);
  });
});
