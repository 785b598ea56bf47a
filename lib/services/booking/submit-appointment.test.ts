import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { useTestDb } from "@/lib/db/testing";
import { appointments, STATUS } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { at, makeBooking, makeRoom, makeUser, setHours, statusOf } from "@/lib/services/testing/fixtures";
import { cancelAppointment } from "./cancel-appointment";
import { listHistory } from "./list-history";
import { submitAppointment } from "./submit-appointment";

const total = async () => (await (await getDb()).select({ n: count() }).from(appointments))[0].n;

describe("submitting a booking", () => {
  useTestDb();

  it("creates it pending (auto-review off), and refuses every invalid request without writing anything", async () => {
    await setHours(8 * 60, 22 * 60, { autoReview: false });
    const user = await makeUser();
    const room = await makeRoom({ size: 10 });
    const closed = await makeRoom({ size: 10, available: false });
    const valid = { userId: user.id, roomId: room.id, datetime: at(2, 9).getTime(), duration: 60, size: 10, phone: "13912345678", purpose: "组会", note: null };

    const cases: [string, Partial<typeof valid>, number, string?][] = [
      ["unknown room", { roomId: 987654 }, 4002, "数据格式有误(roomId: 会议室不存在)"],
      ["closed room", { roomId: closed.id }, 4002, "数据格式有误(roomId: 会议室未开放)"],
      ["start in the past", { datetime: Date.now() - 60_000 }, 4002],
      ["more participants than seats", { size: 11 }, 4002, "数据格式有误(size: 参与人数超过会议室容量(10人))"],
      ["no participants", { size: 0 }, 4002],
      ["zero minutes", { duration: 0 }, 4002],
      ["more than a day", { duration: 1441 }, 4002],
      ["before opening", { datetime: at(2, 7, 59).getTime() }, 3003, "预约的时间段为会议室非开放时间段"],
      ["past closing with the real duration", { datetime: at(2, 21, 30).getTime(), duration: 31 }, 3003],
    ];
    for (const [name, patch, code, message] of cases) {
      const err = await submitAppointment({ ...valid, ...patch }).catch((e) => e);
      expect(err, name).toBeInstanceOf(AppError);
      expect(err.code, name).toBe(code);
      if (message) expect(err.message, name).toBe(message);
    }
    expect(await total()).toBe(0);

    const { id } = await submitAppointment(valid);
    const [row] = await (await getDb()).select().from(appointments);
    expect(row).toMatchObject({ id, status: STATUS.PENDING, checkInfo: "审核中，请耐心等待", participants: 10, purpose: "组会", note: null });
    expect(row.endsAt.getTime() - row.startsAt.getTime()).toBe(3_600_000);
    // Ending exactly at closing is fine.
    await submitAppointment({ ...valid, datetime: at(2, 21).getTime() });
  });

  it("refuses a period that overlaps an approved booking (2003), but not a pending one", async () => {
    await setHours(8 * 60, 22 * 60);
    const user = await makeUser();
    const room = await makeRoom({ size: 10 });
    await makeBooking({ roomId: room.id, userId: user.id, start: at(3, 10), minutes: 60, status: STATUS.APPROVED });
    await makeBooking({ roomId: room.id, userId: user.id, start: at(3, 12), minutes: 60, status: STATUS.PENDING });
    const base = { userId: user.id, roomId: room.id, duration: 60, size: 2, phone: "13912345678", purpose: "x" };
    const before = await total();
    const err = await submitAppointment({ ...base, datetime: at(3, 10, 30).getTime() }).catch((e) => e);
    expect(err).toMatchObject({ code: 2003, message: "提交预约失败：该时段已被占用" });
    expect(await total()).toBe(before);
    await submitAppointment({ ...base, datetime: at(3, 11).getTime() }); // back to back
    await submitAppointment({ ...base, datetime: at(3, 12, 30).getTime() }); // overlaps a pending one only
    expect(await total()).toBe(before + 2);
  });
});

describe("cancelling and history", () => {
  useTestDb();

  it("lets only the owner cancel a pending or approved booking that has not started", async () => {
    const [owner, other] = [await makeUser(), await makeUser()];
    const room = await makeRoom();
    const pending = await makeBooking({ roomId: room.id, userId: owner.id, start: at(2, 9), minutes: 60 });
    const approved = await makeBooking({ roomId: room.id, userId: owner.id, start: at(2, 11), minutes: 60, status: STATUS.APPROVED });
    const rejected = await makeBooking({ roomId: room.id, userId: owner.id, start: at(2, 13), minutes: 60, status: STATUS.REJECTED });
    const started = await makeBooking({ roomId: room.id, userId: owner.id, start: new Date(Date.now() - 60_000), minutes: 60, status: STATUS.APPROVED });

    await expect(cancelAppointment(999999, owner.id)).rejects.toMatchObject({ code: 2007 });
    // Someone else's booking answers exactly like an unknown id: which ids exist is not revealed.
    await expect(cancelAppointment(pending.id, other.id)).rejects.toMatchObject({ code: 2007, message: "预约号参数为空或不合法" });
    await expect(cancelAppointment(rejected.id, owner.id)).rejects.toMatchObject({ code: 2006 });
    await expect(cancelAppointment(started.id, owner.id)).rejects.toMatchObject({ code: 2006 });
    expect((await statusOf(pending.id)).status).toBe(STATUS.PENDING);
    expect((await statusOf(started.id)).status).toBe(STATUS.APPROVED);

    await cancelAppointment(pending.id, owner.id);
    await cancelAppointment(approved.id, owner.id);
    expect(await statusOf(pending.id)).toEqual({ status: STATUS.CANCELLED, checkInfo: "预约已取消" });
    expect(await statusOf(approved.id)).toEqual({ status: STATUS.CANCELLED, checkInfo: "预约已取消" });
    await expect(cancelAppointment(approved.id, owner.id)).rejects.toMatchObject({ code: 2006 }); // twice
  });

  it("lists the caller's own bookings of one status, newest submission first", async () => {
    const [me, other] = [await makeUser(), await makeUser()];
    const room = await makeRoom({ place: "H-101" });
    const t0 = Date.now();
    const a = await makeBooking({ roomId: room.id, userId: me.id, start: at(5, 9), minutes: 30, submittedAt: new Date(t0 - 3000) });
    const b = await makeBooking({ roomId: room.id, userId: me.id, start: at(5, 8), minutes: 30, submittedAt: new Date(t0 - 1000) });
    await makeBooking({ roomId: room.id, userId: other.id, start: at(5, 10), minutes: 30 });
    await makeBooking({ roomId: room.id, userId: me.id, start: at(5, 11), minutes: 30, status: STATUS.REJECTED });
    const list = await listHistory(me.id, STATUS.PENDING);
    expect(list.map((r) => r.id)).toEqual([b.id, a.id]);
    expect(list[0]).toMatchObject({ userid: me.userid, place: "H-101", status: 2, participants: 2, phone: "13800138000" });
    expect(await listHistory(me.id, 9)).toEqual([]);
  });
});
