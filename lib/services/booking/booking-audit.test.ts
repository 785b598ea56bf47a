import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { admins, rooms, STATUS } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { asRequest, auditRows, errOf } from "@/lib/services/audit/testing/audit-rows";
import { approveAppointments } from "@/lib/services/review/approve-appointments";
import { rejectAppointments } from "@/lib/services/review/reject-appointments";
import { at, makeBooking, makeRoom, makeUser } from "@/lib/services/testing/fixtures";
import { cancelAppointment } from "./cancel-appointment";
import { submitAppointment } from "./submit-appointment";

// The audit trail of the booking family: who, through which door, before/after — and nothing when the change fails.

useTestDb();
let reviewer = { adminId: 0, name: "reviewer" };
let reviewerActor = { kind: "admin" as const, id: 0, name: "reviewer" };

beforeEach(async () => {
  const db = await getDb();
  const [found] = await db.select().from(admins).where(sql`username = 'reviewer'`);
  const a = found ?? (await db.insert(admins).values({ username: "reviewer", passwordHash: null, privileged: false }).returning())[0];
  reviewer = { adminId: a.id, name: "reviewer" };
  reviewerActor = { kind: "admin", id: a.id, name: "reviewer" };
  await db.execute(sql`truncate audit_log, attendees, appointments, outbox restart identity cascade`);
  await db.execute(sql`update settings set open_minute = 0, close_minute = 1440, auto_review = false where id = 1`);
});

const request = (roomId: number, userId: number, day = 3, hh = 10) => ({
  userId,
  roomId,
  datetime: at(day, hh).getTime(),
  duration: 60,
  size: 2,
  phone: "13800138000",
  purpose: "组会",
});

describe("booking audit", () => {
  it("a page submission records booking.submitted as the user, with channel, address and user agent", async () => {
    const room = await makeRoom();
    const u = await makeUser();
    const { id } = await asRequest("page", { kind: "user", id: u.id, name: null }, () => submitAppointment(request(room.id, u.id)));
    const [row] = await auditRows({ action: "booking.submitted" });
    expect(row).toMatchObject({
      actorKind: "user",
      actorId: String(u.id),
      actorName: u.name, // looked up by recordAudit: sessions carry only ids
      objectKind: "booking",
      objectId: String(id),
      channel: "page",
      clientAddress: "198.51.100.7",
      userAgent: "audit-test/1.0",
      before: null,
    });
    expect(row.after).toMatchObject({ roomId: room.id, status: "pending", participants: 2, purpose: "组会", userId: u.id });
  });

  it("a refused submission (closed room) writes no audit row", async () => {
    const room = await makeRoom({ available: false });
    const u = await makeUser();
    expect(await errOf(asRequest("legacy", { kind: "user", id: u.id, name: null }, () => submitAppointment(request(room.id, u.id))))).not.toBeNull();
    expect(await auditRows()).toEqual([]);
  });

  it("a room without review is auto-approved by the system (自动审核) on the request's channel", async () => {
    const room = await makeRoom();
    await (await getDb()).update(rooms).set({ needAudit: false }).where(sql`id = ${room.id}`);
    const u = await makeUser();
    const { id } = await asRequest("legacy", { kind: "user", id: u.id, name: null }, () => submitAppointment(request(room.id, u.id)));
    const rows = await auditRows({ objectId: id });
    expect(rows.map((r) => r.action)).toEqual(["booking.submitted", "booking.auto_approved"]);
    expect(rows[1]).toMatchObject({ actorKind: "system", actorName: "自动审核", channel: "legacy", before: { status: "pending" } });
  });

  it("approval by an admin records booking.approved as that admin; the overlapping losers booking.auto_rejected", async () => {
    const room = await makeRoom();
    const [a, b] = [await makeUser(), await makeUser()];
    const win = await makeBooking({ roomId: room.id, userId: a.id, start: at(4, 9), minutes: 60 });
    const lose = await makeBooking({ roomId: room.id, userId: b.id, start: at(4, 9, 30), minutes: 60 });
    await asRequest("console", reviewerActor, () => approveAppointments([win.id], reviewer, { manual: true }));
    expect((await auditRows({ objectId: win.id }))[0]).toMatchObject({
      action: "booking.approved",
      actorKind: "admin",
      actorId: String(reviewer.adminId),
      actorName: "reviewer",
      channel: "console",
      after: { status: "approved", reviewer: "reviewer" },
    });
    expect((await auditRows({ objectId: lose.id }))[0]).toMatchObject({
      action: "booking.auto_rejected",
      actorKind: "admin",
      channel: "console",
      after: { status: "rejected", reason: "conflict", approvedBookingId: win.id },
    });
  });

  it("rejection records the reason per booking; an unknown id rejects nothing and records nothing", async () => {
    const room = await makeRoom();
    const u = await makeUser();
    const b1 = await makeBooking({ roomId: room.id, userId: u.id, start: at(5, 9), minutes: 30 });
    expect(await errOf(rejectAppointments([b1.id, 999999], "不合适", reviewer))).toBe(2007);
    expect(await auditRows()).toEqual([]);
    await asRequest("legacy", reviewerActor, () => rejectAppointments([b1.id], "不合适", reviewer));
    expect(await auditRows({ action: "booking.rejected" })).toEqual([
      expect.objectContaining({ objectId: String(b1.id), actorName: "reviewer", channel: "legacy", after: { status: "rejected", reason: "不合适" } }),
    ]);
  });

  it("cancel records before/after status; cancelling someone else's booking changes and records nothing", async () => {
    const room = await makeRoom();
    const [owner, other] = [await makeUser(), await makeUser()];
    const b = await makeBooking({ roomId: room.id, userId: owner.id, start: at(6, 9), minutes: 30, status: STATUS.APPROVED });
    expect(await errOf(asRequest("legacy", { kind: "user", id: other.id, name: null }, () => cancelAppointment(b.id, other.id)))).toBe(2007);
    expect(await auditRows()).toEqual([]);
    await asRequest("openapi", { kind: "openapi", id: 3, name: "appkey3" }, () => cancelAppointment(b.id, null));
    expect(await auditRows({ action: "booking.cancelled" })).toEqual([
      expect.objectContaining({ actorKind: "openapi", actorId: "3", actorName: "appkey3", channel: "openapi", before: { status: "approved" }, after: { status: "cancelled" } }),
    ]);
  });
});
