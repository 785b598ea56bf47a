import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { appointments, rooms, STATUS, users } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { atLocalMinute, parseLocalDate } from "@/lib/time";
import { assertBookable } from "@/lib/services/booking/assert-bookable";
import { getRoomAvailability, ROOM_NAME_MAX } from "./get-room-availability";

useTestDb();

// A fixed "now": 2030-03-04 10:00 campus time; the day under test is the next day. Open hours 08:00–22:00 (defaults).
const day = parseLocalDate("2030-03-05")!;
const now = atLocalMinute(parseLocalDate("2030-03-04")!, 600);
const at = (minute: number) => atLocalMinute(day, minute).getTime();

let run = 0;
async function seed() {
  const db = await getDb();
  // Each test adds its own rooms to the file's database; a search only looks at this test's (by place prefix).
  const p = `T${++run}-`;
  const [big, small, closed] = await db
    .insert(rooms)
    .values([
      { place: `${p}A101`, size: 30 },
      { place: `${p}B202`, size: 6 },
      { place: `${p}C303`, size: 50, available: false },
    ])
    .returning();
  const [u] = await db.insert(users).values({ userid: `${p}user`, name: "U" }).returning();
  const booking = (roomId: number, from: number, to: number, status: number) => ({
    roomId, userId: u.id, purpose: "x", participants: 2, phone: "13800138000",
    startsAt: new Date(at(from)), endsAt: new Date(at(to)), status,
  });
  await db.insert(appointments).values([
    booking(big.id, 9 * 60, 11 * 60, STATUS.APPROVED),
    booking(big.id, 13 * 60, 21 * 60, STATUS.APPROVED),
    booking(big.id, 11 * 60, 13 * 60, STATUS.PENDING), // pending does not occupy
    booking(small.id, 8 * 60, 22 * 60, STATUS.CANCELLED),
  ]);
  return { big, small, closed, mine: (ids: { id: number }[]) => ids.filter((r) => [big.id, small.id, closed.id].includes(r.id)) };
}

describe("getRoomAvailability", () => {
  it("lists free windows around approved bookings only, answers the exact slot and suggests the nearest start", async () => {
    const { big, small, mine } = await seed();
    const a = await getRoomAvailability({ roomId: 0, date: "2030-03-05", duration: 60, size: 0, start: "09:30" }, now);
    expect(a.day).toBe("2030-03-05");
    expect(a.opensAt).toBe(at(480));
    expect(a.closesAt).toBe(at(1320));
    // The free room comes first; the closed room is not offered.
    expect(mine(a.rooms).map((r) => r.id)).toEqual([small.id, big.id]);
    const s = a.rooms.find((r) => r.id === small.id)!;
    expect(s.slotFree).toBe(true);
    expect(s.windows).toEqual([{ start: at(480), end: at(1320) }]);
    const b = a.rooms.find((r) => r.id === big.id)!;
    expect(b.slotFree).toBe(false);
    expect(b.problem).toBe("taken");
    expect(s.problem).toBeNull();
    expect(b.busy).toEqual([
      { start: at(540), end: at(660) },
      { start: at(780), end: at(1260) },
    ]);
    expect(b.windows).toEqual([
      { start: at(480), end: at(540) },
      { start: at(660), end: at(780) },
      { start: at(1260), end: at(1320) },
    ]);
    // 09:30 wanted: 08:00–09:00 and 11:00–13:00 are both 90 minutes away; the earlier wins.
    expect(b.nearest).toBe(at(480));
    const later = await getRoomAvailability({ roomId: big.id, date: "2030-03-05", duration: 60, size: 0, start: "10:30" }, now);
    expect(later.rooms[0].nearest).toBe(at(660));
  });

  it("filters a search by capacity and by whether any window of the duration is left", async () => {
    const { big, mine } = await seed();
    const bySize = await getRoomAvailability({ roomId: 0, date: "2030-03-05", duration: 60, size: 10 }, now);
    expect(mine(bySize.rooms).map((r) => r.id)).toEqual([big.id]);
    expect(bySize.rooms.find((r) => r.id === big.id)!.slotFree).toBeNull();
    // 3 hours: A101's longest gap is 2 hours, so only rooms with a long stretch remain.
    const long = await getRoomAvailability({ roomId: 0, date: "2030-03-05", duration: 180, size: 10 }, now);
    expect(mine(long.rooms)).toEqual([]);
  });

  it("filters a search by part of the room's name: trimmed, case-insensitive; empty or too long is no filter", async () => {
    const { big, small, mine } = await seed();
    const search = (name?: string) => getRoomAvailability({ roomId: 0, date: "2030-03-05", duration: 60, size: 0, name }, now);
    const ids = async (name?: string) => mine((await search(name)).rooms).map((r) => r.id).sort((a, b) => a - b);
    const both = [big.id, small.id].sort((a, b) => a - b);
    expect(await ids("a10")).toEqual([big.id]);
    expect(await ids("  B202 ")).toEqual([small.id]);
    expect(await ids(`T${run}-`)).toEqual(both);
    // The closed room matches by name but a search never lists it.
    expect(await ids("C303")).toEqual([]);
    expect((await search("没有这间")).rooms).toEqual([]);
    expect(await ids("")).toEqual(both);
    expect(await ids("   ")).toEqual(both);
    expect(await ids("A".repeat(ROOM_NAME_MAX + 1))).toEqual(both);
    // One room by id: the name filter is a search filter only.
    expect((await getRoomAvailability({ roomId: big.id, date: "2030-03-05", duration: 60, size: 0, name: "B202" }, now)).rooms.map((r) => r.id)).toEqual([big.id]);
  });

  it("keeps a single room's page even when it is closed or full, and never offers the past", async () => {
    const { closed, big } = await seed();
    const c = await getRoomAvailability({ roomId: closed.id, date: "2030-03-05", duration: 30, size: 0 }, now);
    expect(c.rooms).toHaveLength(1);
    expect(c.rooms[0].windows).toEqual([]);
    const laterToday = atLocalMinute(day, 14 * 60);
    const t = await getRoomAvailability({ roomId: big.id, date: "2030-03-05", duration: 30, size: 0, start: "12:00" }, laterToday);
    expect(t.rooms[0].windows).toEqual([{ start: at(1260), end: at(1320) }]);
    expect(t.rooms[0].slotFree).toBe(false);
    expect(t.rooms[0].nearest).toBe(at(1260));
    expect(t.rooms[0].problem).toBe("past");
    const late = await getRoomAvailability({ roomId: big.id, date: "2030-03-05", duration: 90, size: 0, start: "21:00" }, now);
    expect(late.rooms[0].problem).toBe("closed");
    const shut = await getRoomAvailability({ roomId: closed.id, date: "2030-03-05", duration: 30, size: 0, start: "12:00" }, now);
    expect(shut.rooms[0].problem).toBe("room");
  });

  it("uses each room's own hours, the same rule as submission (timeline, slot answer, search windows)", async () => {
    const { big, small, mine } = await seed();
    const db = await getDb();
    // A101 is bookable 09:00–12:00 only (Open API beginTime/endTime); the campus stays 08:00–22:00.
    await db.update(rooms).set({ openMinute: 540, closeMinute: 720 }).where(eq(rooms.id, big.id));
    await db.delete(appointments).where(eq(appointments.roomId, big.id));
    const [u] = await db.insert(users).values({ userid: `own-hours-${run}`, name: "U" }).returning();

    const one = await getRoomAvailability({ roomId: big.id, date: "2030-03-05", duration: 60, size: 0, start: "14:00" }, now);
    expect([one.opensAt, one.closesAt, one.openMinute, one.closeMinute]).toEqual([at(540), at(720), 540, 720]);
    const r = one.rooms[0];
    expect([r.opensAt, r.closesAt]).toEqual([at(540), at(720)]);
    expect(r.windows).toEqual([{ start: at(540), end: at(720) }]);
    expect(r.slotFree).toBe(false);
    expect(r.problem).toBe("closed");
    expect(r.nearest).toBe(at(660));
    const inside = await getRoomAvailability({ roomId: big.id, date: "2030-03-05", duration: 60, size: 0, start: "10:00" }, now);
    expect(inside.rooms[0].slotFree).toBe(true);
    // Submission answers the same: 14:00 is outside the room's hours (3003), 10:00 is bookable.
    const submit = (minute: number) =>
      db.transaction((tx) => assertBookable(tx, { userId: u.id, roomId: big.id, start: new Date(at(minute)), duration: 60, size: 2 }, now));
    await expect(submit(840)).rejects.toMatchObject({ code: 3003 });
    await expect(submit(600)).resolves.toMatchObject({ id: big.id });

    // A search keeps the campus hours on top and each room's own per room; a room whose hours cannot hold the
    // duration is not offered.
    const search = await getRoomAvailability({ roomId: 0, date: "2030-03-05", duration: 60, size: 0, start: "14:00" }, now);
    expect([search.opensAt, search.closesAt]).toEqual([at(480), at(1320)]);
    const a = search.rooms.find((x) => x.id === big.id)!;
    expect([a.opensAt, a.closesAt, a.slotFree, a.problem]).toEqual([at(540), at(720), false, "closed"]);
    expect(search.rooms.find((x) => x.id === small.id)!.slotFree).toBe(true);
    const long = await getRoomAvailability({ roomId: 0, date: "2030-03-05", duration: 240, size: 0 }, now);
    expect(mine(long.rooms).map((x) => x.id)).toEqual([small.id]);
  });

  it("refuses an unknown room or an impossible date with 4002", async () => {
    await expect(getRoomAvailability({ roomId: 0, date: "2030-02-30", duration: 30, size: 0 }, now)).rejects.toMatchObject({ code: 4002 });
    await expect(getRoomAvailability({ roomId: 99999, date: "2030-03-05", duration: 30, size: 0 }, now)).rejects.toMatchObject({ code: 4002 });
  });
});
