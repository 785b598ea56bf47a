import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { useTestDb } from "@/lib/db/testing";
import { appointments, auditLog, STATUS, users } from "@/lib/db/schema";
import { at, makeBooking, makeRoom, makeUser, outboxRows, setHours, statusOf } from "@/lib/services/testing/fixtures";
import { createClosure } from "@/lib/services/closures/closures";
import { bookOnBehalf, cancelBookingAsAdmin, moveBookingAsAdmin } from "./admin-bookings";
import { getBookingGrid, searchPeople } from "./booking-grid";
import { listRoomOptions } from "./room-options";
import { rooms } from "@/lib/db/schema";
import { formatDate } from "@/lib/time";

const admin = { id: 1, username: "admin", privileged: true };
const audits = async (id: number) =>
  (await (await getDb()).select().from(auditLog).where(eq(auditLog.objectId, String(id)))).filter((r) => r.objectKind === "booking");
const messagesFor = async (id: number) =>
  (await outboxRows()).filter((m) => m.topic === "wecom.message" && m.orderingKey === `appointment:${id}`).map((m) => (m.payload as { content: string }).content);

describe("the console's booking operations", () => {
  useTestDb();

  it("cancels an approved booking with a reason: booker notified once, audit row, nothing else touched", async () => {
    await setHours(8 * 60, 22 * 60);
    const user = await makeUser();
    const room = await makeRoom({ place: "逸夫楼301" });
    const b = await makeBooking({ roomId: room.id, userId: user.id, start: at(2, 9), minutes: 60, status: STATUS.APPROVED });
    await cancelBookingAsAdmin(admin, b.id, "临时征用");
    const s = await statusOf(b.id);
    expect(s.status).toBe(STATUS.CANCELLED);
    expect(s.checkInfo).toContain("临时征用");
    const msgs = await messagesFor(b.id);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toContain("逸夫楼301");
    expect(msgs[0]).toContain("临时征用");
    expect((await audits(b.id)).map((r) => r.action)).toEqual(["booking.cancelled_by_admin"]);
    // Cancelling it again is refused and sends nothing.
    expect((await cancelBookingAsAdmin(admin, b.id, "again").catch((e) => e)).code).toBe(2009);
    expect(await messagesFor(b.id)).toHaveLength(1);
  });

  it("moves a booking to another room and time through the bookable rule, telling the booker the old and new place and time", async () => {
    await setHours(8 * 60, 22 * 60);
    const user = await makeUser();
    const from = await makeRoom({ place: "理科楼101", size: 10 });
    const to = await makeRoom({ place: "理科楼202", size: 10 });
    const small = await makeRoom({ place: "理科楼小间", size: 1 });
    const b = await makeBooking({ roomId: from.id, userId: user.id, start: at(2, 9), minutes: 60, status: STATUS.APPROVED, participants: 4 });
    await makeBooking({ roomId: to.id, userId: user.id, start: at(2, 14), minutes: 60, status: STATUS.APPROVED });

    // Conflicts, capacity, open hours and closures are checked by the same rule as submissions.
    expect((await moveBookingAsAdmin(admin, { id: b.id, roomId: to.id, start: at(2, 14, 30).getTime(), duration: 60 }).catch((e) => e)).code).toBe(2003);
    expect((await moveBookingAsAdmin(admin, { id: b.id, roomId: small.id, start: at(2, 10).getTime(), duration: 60 }).catch((e) => e)).code).toBe(4002);
    expect((await moveBookingAsAdmin(admin, { id: b.id, roomId: to.id, start: at(2, 21, 30).getTime(), duration: 60 }).catch((e) => e)).code).toBe(3003);
    await createClosure(admin, { scope: "room", roomId: to.id, start: at(2, 16).getTime(), end: at(2, 18).getTime(), reason: "维修" });
    expect((await moveBookingAsAdmin(admin, { id: b.id, roomId: to.id, start: at(2, 16).getTime(), duration: 60 }).catch((e) => e)).code).toBe(3003);
    expect(await messagesFor(b.id)).toHaveLength(0);

    const moved = await moveBookingAsAdmin(admin, { id: b.id, roomId: to.id, start: at(2, 10).getTime(), duration: 90 });
    const [row] = await (await getDb()).select().from(appointments).where(eq(appointments.id, b.id));
    expect(row.roomId).toBe(to.id);
    expect(row.startsAt.getTime()).toBe(at(2, 10).getTime());
    expect(row.endsAt.getTime()).toBe(at(2, 11, 30).getTime());
    expect(row.status).toBe(STATUS.APPROVED);
    const [msg] = await messagesFor(b.id);
    expect(msg).toContain("原：理科楼101");
    expect(msg).toContain("现：理科楼202");
    expect(moved.to).toContain("10:00");
    const [audit] = await audits(b.id);
    expect(audit.action).toBe("booking.moved");
    expect(audit.before).toMatchObject({ roomId: from.id });
    expect(audit.after).toMatchObject({ roomId: to.id });
  });

  it("books an empty stretch on behalf of a person found by name or 工号, approved by the admin", async () => {
    await setHours(8 * 60, 22 * 60);
    const person = await makeUser("T20231234");
    await (await getDb()).update(users).set({ name: "张老师" }).where(eq(users.id, person.id));
    expect((await searchPeople(admin, "张老")).map((p) => p.id)).toContain(person.id);
    expect((await searchPeople(admin, "t2023")).map((p) => p.id)).toContain(person.id);
    const room = await makeRoom();
    const r = await bookOnBehalf(admin, { userId: person.id, roomId: room.id, start: at(3, 15).getTime(), duration: 45, size: 3, purpose: "答辩" });
    expect(r.outcome).toBe("approved");
    const s = await statusOf(r.id);
    expect(s.status).toBe(STATUS.APPROVED);
    expect((await audits(r.id)).map((a) => a.action)).toContain("booking.booked_by_admin");

    // The grid shows it on its room and day.
    const grid = await getBookingGrid(admin, { date: formatDate(at(3, 0)), view: "day", page: 1, size: 200 });
    const mine = grid.rooms.find((x) => x.id === room.id)!;
    expect(mine.bookings.map((b) => [b.id, b.status, b.booker])).toEqual([[r.id, STATUS.APPROVED, "张老师"]]);
    const week = await getBookingGrid(admin, { date: formatDate(at(3, 0)), view: "week", page: 1, size: 200, status: "approved" });
    expect(week.days).toHaveLength(7);
    expect(week.rooms.map((x) => x.id)).toContain(room.id);
    expect(week.rooms.every((x) => x.bookings.some((b) => b.status === STATUS.APPROVED))).toBe(true);
  });

  it("offers any open room to move into, searched by place or building on the server and paged; the move is checked as before", async () => {
    await setHours(8 * 60, 22 * 60, { autoReview: false });
    const db = await getDb();
    const tag = `RO${Date.now() % 100000}`;
    const made = [];
    for (let i = 0; i < 25; i++) made.push(await makeRoom({ place: `${tag}-${String(i).padStart(2, "0")}` }));
    await db.update(rooms).set({ building: `${tag}楼` }).where(eq(rooms.id, made[24].id));
    const closed = await makeRoom({ place: `${tag}-closed`, available: false });

    // Paged: 25 open rooms by place (the closed one is never offered), 10 a page, in name order.
    const p1 = await listRoomOptions(admin, { q: tag, page: 1, size: 10 });
    expect(p1.count).toBe(25);
    expect(p1.rooms.map((r) => r.place)).toEqual(made.slice(0, 10).map((r) => r.place).sort());
    const p3 = await listRoomOptions(admin, { q: tag, page: 3, size: 10 });
    expect(p3.rooms).toHaveLength(5);
    expect([...p1.rooms, ...(await listRoomOptions(admin, { q: tag, page: 2, size: 10 })).rooms, ...p3.rooms].map((r) => r.id)).not.toContain(closed.id);
    // By building, and a page past the end is the last page.
    expect((await listRoomOptions(admin, { q: `${tag}楼`, page: 1, size: 10 })).rooms.map((r) => r.id)).toEqual([made[24].id]);
    expect((await listRoomOptions(admin, { q: tag, page: 99, size: 10 })).page).toBe(3);
    // LIKE wildcards are text; signed out is 1005.
    expect((await listRoomOptions(admin, { q: "%_%", page: 1, size: 10 })).count).toBe(0);
    await expect(listRoomOptions(null, { q: tag, page: 1, size: 10 })).rejects.toMatchObject({ code: 1005 });

    // A booking moves into a room found this way (not one on the grid page), and a taken time there is still refused.
    const person = await makeUser();
    const from = await makeRoom();
    const b = await makeBooking({ roomId: from.id, userId: person.id, start: at(4, 10), minutes: 60, status: STATUS.APPROVED });
    await makeBooking({ roomId: made[24].id, userId: person.id, start: at(4, 14), minutes: 60, status: STATUS.APPROVED });
    expect((await moveBookingAsAdmin(admin, { id: b.id, roomId: made[24].id, start: at(4, 14, 30).getTime(), duration: 60 }).catch((e) => e)).code).toBe(2003);
    const moved = await moveBookingAsAdmin(admin, { id: b.id, roomId: made[24].id, start: at(4, 10).getTime(), duration: 60 });
    expect(moved).toBeTruthy();
    const [row] = await db.select().from(appointments).where(eq(appointments.id, b.id));
    expect(row.roomId).toBe(made[24].id);
  });
});
