import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb, useTestDb } from "@/lib/db/testing";
import { getDb, setDbHandleForTests } from "@/lib/db";
import { appointments, outbox, STATUS } from "@/lib/db/schema";
import { at, makeBooking, makeRoom, makeUser, outboxRows, setHours, statusOf } from "@/lib/services/testing/fixtures";
import { formatDateTime } from "@/lib/time";
import { approveAppointments } from "./approve-appointments";
import { listPendingReview } from "./list-pending-review";
import { rejectAppointments } from "./reject-appointments";

const alice = { adminId: null, name: "alice" };
const onPostgres = process.env.TEST_DB === "postgres";

async function clearOutbox() {
  await (await getDb()).delete(outbox);
}

describe("approving bookings", () => {
  useTestDb();

  it("approves, then rejects every pending booking it now overlaps, first come first served, with messages", async () => {
    await setHours(8 * 60, 22 * 60, { autoReview: false });
    await clearOutbox();
    const [u1, u2, u3, u4] = [await makeUser("ua1"), await makeUser("ua2"), await makeUser("ua3"), await makeUser("ua4")];
    const room = await makeRoom();
    const t0 = Date.now();
    const x = await makeBooking({ roomId: room.id, userId: u1.id, start: at(2, 9), minutes: 120, submittedAt: new Date(t0 - 5000) });
    const late = await makeBooking({ roomId: room.id, userId: u2.id, start: at(2, 10), minutes: 60, submittedAt: new Date(t0 - 1000) });
    const early = await makeBooking({ roomId: room.id, userId: u3.id, start: at(2, 8), minutes: 61, submittedAt: new Date(t0 - 3000) });
    const adjacent = await makeBooking({ roomId: room.id, userId: u4.id, start: at(2, 11), minutes: 60, submittedAt: new Date(t0 - 2000) });

    const report = await approveAppointments([x.id], alice);
    expect(report).toEqual({ outcomes: [{ id: x.id, outcome: "approved" }], cascaded: [early.id, late.id], approved: 1 });
    expect(await statusOf(x.id)).toEqual({ status: STATUS.APPROVED, checkInfo: "alice：成功通过审核" });
    expect(await statusOf(early.id)).toEqual({ status: STATUS.REJECTED, checkInfo: "alice：已被他人抢先占用" });
    expect(await statusOf(late.id)).toEqual({ status: STATUS.REJECTED, checkInfo: "alice：已被他人抢先占用" });
    expect((await statusOf(adjacent.id)).status).toBe(STATUS.PENDING);

    const messages = await outboxRows();
    expect(messages.map((m) => [m.topic, m.orderingKey, (m.payload as { touser: string }).touser])).toEqual([
      ["wecom.message", `appointment:${x.id}`, "ua1"],
      ["wecom.message", `appointment:${early.id}`, "ua3"],
      ["wecom.message", `appointment:${late.id}`, "ua2"],
    ]);
    const content = (messages[0].payload as { content: string }).content;
    expect(content).toBe(
      `会议室预约结果通知\n预约序号：${x.id}\n预约结果：成功通过审核\n通知时间：${formatDateTime(messages[0].createdAt)}\n` +
        `查看详情：http://localhost:3000/meeting/history/detail/${x.id}`,
    );
    expect(content).toMatch(/通知时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}\n/);
    expect((messages[1].payload as { content: string }).content).toContain("预约结果：被退回\n审核信息：已被他人抢先占用\n");
  });

  it("takes a batch first come first served, whatever order the ids were given in", async () => {
    const user = await makeUser();
    const room = await makeRoom();
    const t0 = Date.now();
    const first = await makeBooking({ roomId: room.id, userId: user.id, start: at(3, 9), minutes: 60, submittedAt: new Date(t0 - 9000) });
    const second = await makeBooking({ roomId: room.id, userId: user.id, start: at(3, 9, 30), minutes: 60, submittedAt: new Date(t0 - 8000) });
    const report = await approveAppointments([second.id, first.id], alice);
    expect(report.outcomes).toEqual([
      { id: first.id, outcome: "approved" },
      { id: second.id, outcome: "not-pending" },
    ]);
    expect(report.approved).toBe(1);
    expect((await statusOf(second.id)).status).toBe(STATUS.REJECTED);
  });

  it("lets the exclusion constraint have the last word: a pending booking overlapping an approved one is rejected cleanly", async () => {
    await clearOutbox();
    const user = await makeUser("ub1");
    const room = await makeRoom();
    // The slip a submission racing an approval can leave behind: pending and overlapping an approved booking.
    await makeBooking({ roomId: room.id, userId: user.id, start: at(4, 9), minutes: 60, status: STATUS.APPROVED });
    const loser = await makeBooking({ roomId: room.id, userId: user.id, start: at(4, 9, 30), minutes: 60 });
    const bystander = await makeBooking({ roomId: room.id, userId: user.id, start: at(4, 10), minutes: 60 });
    const report = await approveAppointments([loser.id], { adminId: null, name: "自动审核" });
    expect(report).toEqual({ outcomes: [{ id: loser.id, outcome: "taken" }], cascaded: [], approved: 0 });
    expect(await statusOf(loser.id)).toEqual({ status: STATUS.REJECTED, checkInfo: "自动审核：已被他人抢先占用" });
    expect((await statusOf(bystander.id)).status).toBe(STATUS.PENDING); // no cascade from a failed approval
    const messages = await outboxRows();
    expect(messages).toHaveLength(1);
    expect((messages[0].payload as { content: string }).content).toContain("预约结果：已被他人抢先占用\n");
  });

  it("leaves started and non-pending bookings alone, and re-checks open hours and the room at approval", async () => {
    await setHours(8 * 60, 22 * 60);
    const user = await makeUser();
    const room = await makeRoom();
    const closedLater = await makeRoom();
    const started = await makeBooking({ roomId: room.id, userId: user.id, start: new Date(Date.now() - 60_000), minutes: 30 });
    const cancelled = await makeBooking({ roomId: room.id, userId: user.id, start: at(5, 9), minutes: 30, status: STATUS.CANCELLED });
    const evening = await makeBooking({ roomId: room.id, userId: user.id, start: at(5, 20), minutes: 60 });
    const inClosed = await makeBooking({ roomId: closedLater.id, userId: user.id, start: at(5, 9), minutes: 60 });
    await (await getDb()).update((await import("@/lib/db/schema")).rooms).set({ available: false }).where(eq((await import("@/lib/db/schema")).rooms.id, closedLater.id));
    await setHours(8 * 60, 20 * 60 + 30); // closing moved before the evening booking ends

    const report = await approveAppointments([started.id, cancelled.id, evening.id, inClosed.id], alice);
    expect(Object.fromEntries(report.outcomes.map((o) => [o.id, o.outcome]))).toEqual({
      [started.id]: "started",
      [cancelled.id]: "not-pending",
      [evening.id]: "outside-hours",
      [inClosed.id]: "room-closed",
    });
    expect((await statusOf(started.id)).status).toBe(STATUS.PENDING);
    expect((await statusOf(cancelled.id)).status).toBe(STATUS.CANCELLED);
    expect(await statusOf(evening.id)).toEqual({ status: STATUS.REJECTED, checkInfo: "alice：预约的时间段为会议室非开放时间段" });
    expect(await statusOf(inClosed.id)).toEqual({ status: STATUS.REJECTED, checkInfo: "alice：会议室未开放" });
    await setHours(8 * 60, 22 * 60);
  });

  it("refuses unknown ids (2007) and manual review while auto-review runs (1009), changing nothing", async () => {
    const user = await makeUser();
    const room = await makeRoom();
    const b = await makeBooking({ roomId: room.id, userId: user.id, start: at(6, 9), minutes: 30 });
    await expect(approveAppointments([b.id, 99999999], alice)).rejects.toMatchObject({ code: 2007, message: "预约号参数为空或不合法" });
    await expect(rejectAppointments([b.id, 99999999], "no", alice)).rejects.toMatchObject({ code: 2007 });
    await setHours(8 * 60, 22 * 60, { autoReview: true });
    await expect(approveAppointments([b.id], alice, { manual: true })).rejects.toMatchObject({ code: 1009, message: "自动审核运行中，人工审核停用" });
    await expect(rejectAppointments([b.id], "no", alice, { manual: true })).rejects.toMatchObject({ code: 1009 });
    // The auto-review run itself is not manual.
    expect((await approveAppointments([b.id], { adminId: null, name: "自动审核" })).approved).toBe(1);
    await setHours(8 * 60, 22 * 60, { autoReview: false });
    expect(await approveAppointments([], alice)).toEqual({ outcomes: [], cascaded: [], approved: 0 });
  });
});

describe("rejecting bookings and the review queue", () => {
  useTestDb();

  it("rejects only pending bookings, storing the reason once, with a message each", async () => {
    await clearOutbox();
    const user = await makeUser("uc1");
    const room = await makeRoom();
    const p = await makeBooking({ roomId: room.id, userId: user.id, start: at(2, 9), minutes: 30 });
    const a = await makeBooking({ roomId: room.id, userId: user.id, start: at(2, 10), minutes: 30, status: STATUS.APPROVED });
    expect(await rejectAppointments([p.id, a.id], "  会议室维修  ", alice)).toEqual([p.id]);
    expect(await statusOf(p.id)).toEqual({ status: STATUS.REJECTED, checkInfo: "alice：会议室维修" });
    expect((await statusOf(a.id)).status).toBe(STATUS.APPROVED);
    const messages = await outboxRows();
    expect(messages).toHaveLength(1);
    expect((messages[0].payload as { content: string }).content).toContain("预约结果：被退回\n审核信息：alice：会议室维修\n");
    await expect(rejectAppointments([p.id], "x".repeat(201), alice)).rejects.toMatchObject({ code: 4002, field: "checkInfo" });
    await expect(rejectAppointments([p.id], "  ", alice)).rejects.toMatchObject({ code: 4002, field: "checkInfo" });
  });

  it("lists every pending booking oldest first, closed rooms included, with legacy paging", async () => {
    const db = await getDb();
    await db.delete(appointments).where(and(eq(appointments.status, STATUS.PENDING)));
    const user = await makeUser();
    const open = await makeRoom();
    const closed = await makeRoom({ available: false });
    const t0 = Date.now();
    const ids = [];
    for (let i = 0; i < 5; i++) {
      const b = await makeBooking({ roomId: i === 2 ? closed.id : open.id, userId: user.id, start: at(7, 9 + i), minutes: 30, submittedAt: new Date(t0 - (10 - i) * 1000) });
      ids.push(b.id);
    }
    expect((await listPendingReview(1, 0)).rows.map((r) => r.id)).toEqual(ids);
    expect(await listPendingReview(1, 2).then((r) => [r.count, r.rows.map((x) => x.id)])).toEqual([5, ids.slice(0, 2)]);
    expect((await listPendingReview(0, 2)).rows.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect((await listPendingReview(99, 2)).rows.map((r) => r.id)).toEqual(ids.slice(4));
  });
});

describe.skipIf(!onPostgres)("concurrent approvals on Postgres", () => {
  it("many at once on overlapping bookings: exactly one wins, the others are rejected cleanly", async () => {
    const handle = await createTestDb();
    setDbHandleForTests(handle);
    try {
      for (let round = 0; round < 5; round++) {
        const room = await makeRoom();
        const users = await Promise.all(Array.from({ length: 12 }, () => makeUser()));
        // Twelve requests for overlapping periods of one room (a chain: each overlaps its neighbours and the first).
        const bookings = [];
        for (let i = 0; i < users.length; i++) {
          bookings.push(await makeBooking({ roomId: room.id, userId: users[i].id, start: at(2 + round, 9, i * 2), minutes: 60 }));
        }
        // Each call approves one booking; postgres-js runs them on separate pooled connections at once.
        const results = await Promise.allSettled(
          bookings.map((b, i) => approveAppointments([b.id], { adminId: null, name: i % 2 ? "alice" : "自动审核" })),
        );
        expect(results.filter((r) => r.status === "rejected")).toEqual([]);
        const rows = await (await getDb()).select().from(appointments).where(eq(appointments.roomId, room.id));
        const approved = rows.filter((r) => r.status === STATUS.APPROVED);
        expect(approved).toHaveLength(1);
        expect(rows.filter((r) => r.status === STATUS.REJECTED)).toHaveLength(bookings.length - 1);
        expect(rows.every((r) => r.status === STATUS.APPROVED || /：已被他人抢先占用$/.test(r.checkInfo ?? ""))).toBe(true);
        const approvedCount = results.reduce((n, r) => n + (r.status === "fulfilled" ? r.value.approved : 0), 0);
        expect(approvedCount).toBe(1);
      }
    } finally {
      setDbHandleForTests(undefined);
      await handle.close();
    }
  });
});
