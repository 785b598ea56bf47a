import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { useTestDb } from "@/lib/db/testing";
import { auditLog, rooms, STATUS } from "@/lib/db/schema";
import { AppError, ClosedError } from "@/lib/errors";
import { submitAppointment } from "@/lib/services/booking/submit-appointment";
import { getRoomAvailability } from "@/lib/services/rooms/get-room-availability";
import { searchRooms } from "@/lib/services/rooms/search-rooms";
import { at, makeBooking, makeRoom, makeUser, outboxRows, setHours, statusOf } from "@/lib/services/testing/fixtures";
import { approveAppointments } from "@/lib/services/review/approve-appointments";
import { formatDate } from "@/lib/time";
import { closedPeriods } from "./closure-periods";
import { cancelClosureHits, createClosure, deleteClosure, listClosures, previewClosure } from "./closures";

const superAdmin = { id: 1, username: "admin", privileged: true };

async function building(roomId: number, name: string) {
  await (await getDb()).update(rooms).set({ building: name }).where(eq(rooms.id, roomId));
}

describe("closures", () => {
  useTestDb();

  it("refuse submissions of the room, its building or every room (3003 naming the reason); other rooms stay bookable", async () => {
    await setHours(8 * 60, 22 * 60);
    const user = await makeUser();
    const a = await makeRoom();
    const b = await makeRoom();
    const other = await makeRoom();
    await building(a.id, "逸夫楼");
    await building(b.id, "逸夫楼");
    await building(other.id, "图书馆");
    const booking = (roomId: number, h: number) => ({ userId: user.id, roomId, datetime: at(3, h).getTime(), duration: 60, size: 2, phone: "13912345678", purpose: "组会" });

    await createClosure(superAdmin, { scope: "building", building: "逸夫楼", start: at(3, 9).getTime(), end: at(3, 12).getTime(), reason: "维修" });
    for (const roomId of [a.id, b.id]) {
      const err = await submitAppointment(booking(roomId, 10)).catch((e) => e);
      expect(err).toBeInstanceOf(ClosedError);
      expect(err.code).toBe(3003);
      expect(err.message).toContain("维修");
    }
    await expect(submitAppointment(booking(other.id, 10))).resolves.toHaveProperty("id");
    // Right after the closure ends the room is bookable again.
    await expect(submitAppointment(booking(a.id, 12))).resolves.toHaveProperty("id");

    // Search and the room timeline see the closure as closed hours (11:00: the other room's 10:00 booking, approved
    // at once by auto-review, has ended).
    const slot = await searchRooms({ roomId: 0, date: at(3, 11).getTime(), time: at(3, 11).getTime(), duration: 60, size: 0 });
    expect(slot.map((r) => r.id)).toContain(other.id);
    expect(slot.map((r) => r.id)).not.toContain(a.id);
    const day = await getRoomAvailability({ roomId: a.id, date: formatDate(at(3, 10)), duration: 60, size: 0, start: "10:00" });
    expect(day.rooms[0].problem).toBe("closed");
    expect(day.rooms[0].closed[0].reason).toBe("维修");
    expect(day.rooms[0].windows.some((w) => w.start < at(3, 12).getTime() && w.end > at(3, 9).getTime())).toBe(false);

    // An every-room closure reaches the other building too.
    await createClosure(superAdmin, { scope: "all", start: at(4, 0).getTime(), end: at(5, 0).getTime(), reason: "考试周" });
    const err = await submitAppointment({ ...booking(other.id, 10), datetime: at(4, 10).getTime() }).catch((e) => e);
    expect(err).toBeInstanceOf(ClosedError);
  });

  it("weekly closures repeat on the same weekday until their end", async () => {
    const sunday = new Date("2030-01-06T00:00:00+08:00"); // a Sunday in Asia/Shanghai
    const c = {
      id: 1,
      scope: "all",
      roomId: null,
      building: null,
      startsAt: sunday,
      endsAt: new Date(sunday.getTime() + 86_400_000),
      reason: "周日闭馆",
      repeatWeekly: true,
      repeatUntil: new Date("2030-01-31T00:00:00+08:00"),
      createdByAdminId: null,
      createdAt: sunday,
    };
    const month = closedPeriods([c], new Date("2030-01-01T00:00:00+08:00").getTime(), new Date("2030-03-01T00:00:00+08:00").getTime());
    expect(month.map((p) => formatDate(new Date(p.start)))).toEqual(["2030-01-06", "2030-01-13", "2030-01-20", "2030-01-27"]);
    expect(month.every((p) => p.end - p.start === 86_400_000)).toBe(true);
  });

  it("lists the pending and approved bookings a closure hits, and cancels them once with one reason and one message each", async () => {
    await setHours(8 * 60, 22 * 60);
    const user = await makeUser();
    const room = await makeRoom();
    const pending = await makeBooking({ roomId: room.id, userId: user.id, start: at(2, 9), minutes: 60 });
    const approved = await makeBooking({ roomId: room.id, userId: user.id, start: at(2, 13), minutes: 60, status: STATUS.APPROVED });
    const rejected = await makeBooking({ roomId: room.id, userId: user.id, start: at(2, 10), minutes: 60, status: STATUS.REJECTED });
    const outside = await makeBooking({ roomId: room.id, userId: user.id, start: at(2, 19), minutes: 60 });
    const input = { scope: "room" as const, roomId: room.id, start: at(2, 8).getTime(), end: at(2, 18).getTime(), reason: "维修" };

    const auditBefore = (await (await getDb()).select().from(auditLog)).length;
    const preview = await previewClosure(superAdmin, input);
    expect(preview.hits.map((h) => h.id).sort()).toEqual([pending.id, approved.id].sort());
    expect(await (await getDb()).select().from(auditLog)).toHaveLength(auditBefore); // a preview writes nothing

    const before = (await outboxRows()).length;
    const made = await createClosure(superAdmin, { ...input, cancelReason: "空调维修" });
    expect(made.cancelled.sort()).toEqual([pending.id, approved.id].sort());
    for (const id of [pending.id, approved.id]) expect((await statusOf(id)).status).toBe(STATUS.CANCELLED);
    expect((await statusOf(rejected.id)).status).toBe(STATUS.REJECTED);
    expect((await statusOf(outside.id)).status).toBe(STATUS.PENDING);
    const messages = (await outboxRows()).slice(before).filter((m) => m.topic === "wecom.message");
    expect(messages).toHaveLength(2);
    expect(String((messages[0].payload as { content: string }).content)).toContain("空调维修");

    // Asking again cancels and notifies nobody twice.
    expect((await cancelClosureHits(superAdmin, made.id, "空调维修")).cancelled).toEqual([]);
    expect((await outboxRows()).length).toBe(before + 2);

    const audit = (await (await getDb()).select().from(auditLog)).slice(auditBefore);
    expect(audit.filter((r) => r.action === "closure.created").map((r) => Number(r.objectId))).toEqual([made.id]);
    expect(audit.filter((r) => r.action === "booking.cancelled_by_closure").map((r) => Number(r.objectId)).sort()).toEqual([pending.id, approved.id].sort());
    expect((await listClosures(superAdmin)).find((c) => c.id === made.id)).toMatchObject({ hits: 0, reason: "维修", place: room.place });
  });

  it("a pending request inside a closure created later is rejected by the approval, not approved", async () => {
    await setHours(8 * 60, 22 * 60);
    const user = await makeUser();
    const room = await makeRoom();
    const b = await makeBooking({ roomId: room.id, userId: user.id, start: at(2, 9), minutes: 60 });
    const c = await createClosure(superAdmin, { scope: "room", roomId: room.id, start: at(2, 8).getTime(), end: at(2, 12).getTime(), reason: "考试" });
    await approveAppointments([b.id], { adminId: 1, name: "admin" });
    const s = await statusOf(b.id);
    expect(s.status).toBe(STATUS.REJECTED);
    expect(s.checkInfo).toContain("考试");
    await deleteClosure(superAdmin, c.id);
    expect((await listClosures(superAdmin)).map((x) => x.id)).not.toContain(c.id);
  });

  it("only super admins create closures; bad input is refused with a message for people", async () => {
    const room = await makeRoom();
    const normal = { id: 2, username: "n", privileged: false };
    const count = (await listClosures(superAdmin)).length;
    const input = { scope: "room" as const, roomId: room.id, start: at(2, 8).getTime(), end: at(2, 12).getTime(), reason: "维修" };
    expect((await createClosure(normal, input).catch((e) => e)).code).toBe(1006);
    const backwards = await createClosure(superAdmin, { ...input, end: input.start }).catch((e) => e);
    expect(backwards).toBeInstanceOf(AppError);
    expect(backwards.message).toContain("结束时间必须晚于开始时间");
    expect((await createClosure(superAdmin, { ...input, reason: "  " }).catch((e) => e)).message).toContain("请填写关闭原因");
    expect(await listClosures(superAdmin)).toHaveLength(count);
  });
});
