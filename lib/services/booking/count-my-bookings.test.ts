import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { appointments, rooms, STATUS, users } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { countMyBookings } from "./count-my-bookings";

useTestDb();

describe("countMyBookings", () => {
  it("counts only the caller's bookings, per status, with zeros for empty statuses", async () => {
    const db = await getDb();
    const [room] = await db.insert(rooms).values({ place: "count-room", size: 10 }).returning();
    const [me, other] = await db.insert(users).values([{ userid: "count-me" }, { userid: "count-other" }]).returning();
    const row = (userId: number, status: number, h: number) => ({
      roomId: room.id, userId, purpose: "p", participants: 1, phone: "13800138000", status,
      startsAt: new Date(Date.UTC(2031, 0, 1, h)), endsAt: new Date(Date.UTC(2031, 0, 1, h, 30)),
    });
    await db.insert(appointments).values([
      row(me.id, STATUS.PENDING, 1),
      row(me.id, STATUS.PENDING, 2),
      row(me.id, STATUS.REJECTED, 3),
      row(other.id, STATUS.APPROVED, 4),
    ]);
    expect(await countMyBookings(me.id)).toEqual({ 0: 0, 1: 0, 2: 2, 3: 0, 4: 1 });
    expect(await countMyBookings(other.id)).toEqual({ 0: 0, 1: 0, 2: 0, 3: 1, 4: 0 });
  });
});
