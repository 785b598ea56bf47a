import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { useTestDb } from "@/lib/db/testing";
import { appointments, STATUS } from "@/lib/db/schema";
import { at, makeBooking, makeRoom, makeUser } from "@/lib/services/testing/fixtures";
import { freeWindows } from "./free-windows";
import { overlaps } from "./overlaps";

describe("the conflict rule (half-open periods, approved bookings of the same room)", () => {
  useTestDb();

  it("conflicts exactly when the periods intersect", async () => {
    const db = await getDb();
    const [room, other] = [await makeRoom(), await makeRoom()];
    const user = await makeUser();
    await makeBooking({ roomId: room.id, userId: user.id, start: at(3, 9), minutes: 60, status: STATUS.APPROVED });
    await makeBooking({ roomId: room.id, userId: user.id, start: at(3, 12), minutes: 60, status: STATUS.PENDING });
    const conflicts = async (roomId: number, from: Date, minutes: number, status?: 2 | 3) =>
      (await db.select({ id: appointments.id }).from(appointments).where(overlaps(roomId, from, new Date(from.getTime() + minutes * 60_000), status))).length > 0;

    expect(await conflicts(room.id, at(3, 8), 60)).toBe(false); // ends as it starts
    expect(await conflicts(room.id, at(3, 10), 60)).toBe(false); // starts as it ends
    expect(await conflicts(room.id, at(3, 8), 61)).toBe(true); // one minute in
    expect(await conflicts(room.id, at(3, 9, 59), 1)).toBe(true); // last minute
    expect(await conflicts(room.id, at(3, 9, 20), 10)).toBe(true); // inside
    expect(await conflicts(room.id, at(3, 8), 180)).toBe(true); // around
    expect(await conflicts(other.id, at(3, 9), 60)).toBe(false); // other room
    expect(await conflicts(room.id, at(3, 12), 60)).toBe(false); // pending does not occupy
    expect(await conflicts(room.id, at(3, 12), 60, STATUS.PENDING)).toBe(true);
    expect(await conflicts(room.id, at(3, 13), 60, STATUS.PENDING)).toBe(false);
  });
});

describe("free windows", () => {
  it("finds every gap of the wanted length, merging overlapping busy periods", () => {
    const busy = [
      { start: 30, end: 40 },
      { start: 10, end: 20 },
      { start: 15, end: 25 },
      { start: -5, end: 2 },
      { start: 95, end: 200 },
    ];
    expect(freeWindows(busy, 0, 100, 5)).toEqual([
      { start: 2, end: 10 },
      { start: 25, end: 30 },
      { start: 40, end: 95 },
    ]);
    expect(freeWindows(busy, 0, 100, 9)).toEqual([{ start: 40, end: 95 }]);
    expect(freeWindows([], 0, 10, 10)).toEqual([{ start: 0, end: 10 }]);
    expect(freeWindows([], 0, 10, 11)).toEqual([]);
  });
});
