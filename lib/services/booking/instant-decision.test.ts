import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { useTestDb } from "@/lib/db/testing";
import { appointments, STATUS } from "@/lib/db/schema";
import { at, makeBooking, makeRoom, makeUser, outboxRows, setHours, statusOf } from "@/lib/services/testing/fixtures";
import { countPendingOverlaps, listPendingPeriods, queuePosition } from "./pending-requests";
import { submitAppointment } from "./submit-appointment";

const base = { duration: 60, size: 2, phone: "13912345678", purpose: "组会" };

describe("instant decision at submission", () => {
  useTestDb();

  it("with auto-review on, a request nothing stands in the way of is approved in the submitting transaction, with the usual message", async () => {
    await setHours(8 * 60, 22 * 60, { autoReview: true });
    const user = await makeUser();
    const room = await makeRoom();
    const r = await submitAppointment({ ...base, userId: user.id, roomId: room.id, datetime: at(2, 9).getTime() });
    expect(r.status).toBe(STATUS.APPROVED);
    expect(await statusOf(r.id)).toEqual({ status: STATUS.APPROVED, checkInfo: "自动审核：成功通过审核" });
    const [row] = await (await getDb()).select().from(appointments).where(eq(appointments.id, r.id));
    expect(row.reviewedBy).toBe("自动审核");
    expect((await outboxRows()).some((m) => JSON.stringify(m.payload).includes(`预约序号：${r.id}`) && JSON.stringify(m.payload).includes("成功通过审核"))).toBe(true);
  });

  it("queues a request that overlaps an earlier pending one, shows its place in the queue, and counts pending overlaps", async () => {
    await setHours(8 * 60, 22 * 60, { autoReview: true });
    const [first, second] = [await makeUser(), await makeUser()];
    const room = await makeRoom();
    const earlier = await makeBooking({ roomId: room.id, userId: first.id, start: at(3, 10), minutes: 60 });
    const r = await submitAppointment({ ...base, userId: second.id, roomId: room.id, datetime: at(3, 10, 30).getTime() });
    expect(r.status).toBe(STATUS.PENDING);
    expect(await queuePosition(earlier.id)).toBe(1);
    expect(await queuePosition(r.id)).toBe(2);
    const counts = await countPendingOverlaps([room.id], at(3, 10, 15), at(3, 10, 45));
    expect(counts.get(room.id)).toBe(2);
    expect((await countPendingOverlaps([room.id], at(3, 11, 30), at(3, 12))).get(room.id)).toBeUndefined();
    expect(await listPendingPeriods(room.id, at(3, 0), at(4, 0))).toEqual([
      { start: at(3, 10).getTime(), end: at(3, 11).getTime() },
      { start: at(3, 10, 30).getTime(), end: at(3, 11, 30).getTime() },
    ]);
  });

  it("with auto-review off, every request waits for review", async () => {
    await setHours(8 * 60, 22 * 60, { autoReview: false });
    const user = await makeUser();
    const room = await makeRoom();
    const r = await submitAppointment({ ...base, userId: user.id, roomId: room.id, datetime: at(2, 14).getTime() });
    expect(r.status).toBe(STATUS.PENDING);
  });

  it("two concurrent submissions for one free slot: exactly one is approved, the other is refused with nothing stored", async () => {
    await setHours(8 * 60, 22 * 60, { autoReview: true });
    const [a, b] = [await makeUser(), await makeUser()];
    const room = await makeRoom();
    const slot = at(4, 15).getTime();
    const results = await Promise.allSettled([
      submitAppointment({ ...base, userId: a.id, roomId: room.id, datetime: slot }),
      submitAppointment({ ...base, userId: b.id, roomId: room.id, datetime: slot }),
    ]);
    const fulfilled = results.filter((x) => x.status === "fulfilled").map((x) => (x as PromiseFulfilledResult<{ id: number; status: number }>).value);
    const approved = fulfilled.filter((x) => x.status === STATUS.APPROVED);
    expect(approved).toHaveLength(1);
    const rows = await (await getDb()).select({ status: appointments.status }).from(appointments).where(eq(appointments.roomId, room.id));
    expect(rows.filter((x) => x.status === STATUS.APPROVED)).toHaveLength(1);
    // The loser either never got in (2003, nothing stored) or lost to the constraint and was rejected cleanly.
    for (const x of results) if (x.status === "rejected") expect(x.reason).toMatchObject({ code: 2003 });
    expect(rows.filter((x) => x.status === STATUS.PENDING)).toHaveLength(0);
  });
});
