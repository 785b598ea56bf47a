import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { appointments, rooms, STATUS, users } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { atLocalMinute, formatDate, startOfLocalDay } from "@/lib/time";
import { listReviewQueue } from "./list-review-queue";

useTestDb();
const admin = { id: 1, username: "admin", privileged: true };
const DAY = 86400000;

async function setup() {
  const db = await getDb();
  const [r1, r2] = await db.insert(rooms).values([{ place: "A101", size: 10 }, { place: "B202", size: 20, available: false }]).returning();
  const [u] = await db.insert(users).values({ userid: "u1", name: "甲" }).returning();
  const tomorrow = new Date(startOfLocalDay(new Date()).getTime() + DAY + 12 * 3600000);
  const at = (m: number) => atLocalMinute(tomorrow, m);
  const base = { userId: u.id, participants: 2, phone: "13800138000", purpose: "会" };
  const t0 = Date.now() - 3600000;
  const rows = await db
    .insert(appointments)
    .values([
      // p1 overlaps approved a1 and pending p2; p3 is back-to-back with p1 (no conflict).
      { ...base, roomId: r1.id, startsAt: at(600), endsAt: at(660), status: STATUS.PENDING, submittedAt: new Date(t0 + 2000) },
      { ...base, roomId: r1.id, startsAt: at(630), endsAt: at(700), status: STATUS.PENDING, submittedAt: new Date(t0 + 1000) },
      { ...base, roomId: r1.id, startsAt: at(660), endsAt: at(720), status: STATUS.PENDING, submittedAt: new Date(t0 + 3000) },
      { ...base, roomId: r1.id, startsAt: at(540), endsAt: at(610), status: STATUS.APPROVED, submittedAt: new Date(t0) },
      { ...base, roomId: r2.id, startsAt: at(600), endsAt: at(660), status: STATUS.PENDING, submittedAt: new Date(t0 + 4000) },
      // A rejected overlap is not a conflict.
      { ...base, roomId: r1.id, startsAt: at(600), endsAt: at(660), status: STATUS.REJECTED, submittedAt: new Date(t0) },
    ])
    .returning();
  return { r1, r2, tomorrow, ids: rows.map((r) => r.id) };
}

describe("listReviewQueue", () => {
  it("lists pending requests oldest first with their approved and pending conflicts", async () => {
    const { ids, r2 } = await setup();
    const [p1, p2, p3, a1, closed] = ids;
    const res = await listReviewQueue(admin, {});
    expect(res.rows.map((r) => r.appointId)).toEqual([p2, p1, p3, closed]);
    // Each request's place in the whole queue (first come, first served), also when the list is filtered or paged.
    expect(res.rows.map((r) => r.queuePosition)).toEqual([1, 2, 3, 4]);
    const first = res.rows.find((r) => r.appointId === p1)!;
    expect(first.conflicts.map((c) => [c.appointId, c.statusCode])).toEqual([
      [a1, 3],
      [p2, 2],
    ]);
    expect(first.duration).toBe(60);
    expect(res.rows.find((r) => r.appointId === p3)!.conflicts.map((c) => c.appointId)).toEqual([p2]);
    // Requests for closed rooms are shown, marked as such.
    const c = res.rows.find((r) => r.appointId === closed)!;
    expect(c.roomId).toBe(r2.id);
    expect(c.roomAvailable).toBe(false);
    expect(res.count).toBe(4);
  });

  it("filters by room and by meeting date, and pages on the server", async () => {
    const r1 = (await listReviewQueue(admin, {})).rows[0].roomId;
    const byRoom = await listReviewQueue(admin, { roomId: r1 });
    expect(byRoom.count).toBe(3);
    const tomorrow = formatDate(new Date(Date.now() + DAY));
    expect((await listReviewQueue(admin, { date: tomorrow })).count).toBe(4);
    expect((await listReviewQueue(admin, { date: formatDate(new Date()) })).count).toBe(0);
    const page2 = await listReviewQueue(admin, { page: 2, size: 3 });
    expect(page2.rows).toHaveLength(1);
    expect(page2.rows[0].queuePosition).toBe(4);
    expect(page2.page).toBe(2);
    // A page past the end is the last page (legacy PageHelper reasonable=true).
    expect((await listReviewQueue(admin, { page: 9, size: 3 })).page).toBe(2);
  });

  it("refuses without an admin and rejects impossible dates", async () => {
    await expect(listReviewQueue(null as never, {})).rejects.toMatchObject({ code: 1005 });
    await expect(listReviewQueue(admin, { date: "2025-02-30" })).rejects.toMatchObject({ code: 4002 });
  });
});
