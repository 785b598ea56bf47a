import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, pgErrorCode } from "@/lib/db";
import { useTestDb } from "@/lib/db/testing";
import { appointments, rooms, STATUS } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { at, dayFromToday, makeBooking, makeRoom, makeUser, prng, setHours } from "@/lib/services/testing/fixtures";
import { atLocalMinute } from "@/lib/time";
import { listOpenRooms } from "./list-open-rooms";
import { searchRooms } from "./search-rooms";

describe("room search", () => {
  useTestDb();

  it("lists open rooms in the legacy Chinese order", async () => {
    for (const place of ["逸夫楼101", "逸夫楼1001", "博学楼", "B座", "a座", "中心"]) await makeRoom({ place });
    await makeRoom({ place: "阿房宫", available: false });
    expect((await listOpenRooms()).map((r) => r.place)).toEqual(["a座", "B座", "博学楼", "逸夫楼1001", "逸夫楼101", "中心"]);
    const db = await getDb();
    await db.delete(rooms);
  });

  it("exact slot: open rooms of enough seats, inside open hours, free of approved bookings", async () => {
    await setHours(8 * 60, 22 * 60);
    const user = await makeUser();
    const big = await makeRoom({ place: "S-big", size: 50 });
    const small = await makeRoom({ place: "S-small", size: 10 });
    const busy = await makeRoom({ place: "S-busy", size: 50 });
    await makeRoom({ place: "S-closed", size: 50, available: false });
    await makeBooking({ roomId: busy.id, userId: user.id, start: at(2, 9), minutes: 60, status: STATUS.APPROVED });
    await makeBooking({ roomId: big.id, userId: user.id, start: at(2, 9), minutes: 60, status: STATUS.PENDING });
    const date = dayFromToday(2).getTime();
    const search = (hh: number, mm: number, duration: number, size = 0, roomId = 0) =>
      searchRooms({ roomId, date, time: at(0, hh, mm).getTime(), duration, size }).then((r) => r.map((x) => x.place));

    expect(await search(9, 0, 60)).toEqual(["S-big", "S-small"]);
    expect(await search(10, 0, 60)).toEqual(["S-big", "S-busy", "S-small"]); // back to back
    expect(await search(8, 30, 31)).toEqual(["S-big", "S-small"]); // one minute into the booking
    expect(await search(9, 0, 60, 11)).toEqual(["S-big"]);
    expect(await search(21, 0, 60)).toEqual(["S-big", "S-busy", "S-small"]);
    expect(await search(21, 0, 61)).toEqual([]); // past closing with the real duration
    expect(await search(7, 59, 30)).toEqual([]);
    expect(await search(9, 0, 60, 0, small.id)).toEqual(["S-small"]);
    expect(await search(9, 0, 60, 0, busy.id)).toEqual([]);
    // In the past: nothing can be booked.
    expect(await searchRooms({ roomId: 0, date: dayFromToday(-1).getTime(), time: at(0, 9).getTime(), duration: 60, size: 0 })).toEqual([]);
    const db = await getDb();
    await db.delete(appointments);
    await db.delete(rooms);
  });

  it("sees room changes made by anyone at once (the cached open rooms follow the rooms' change counter)", async () => {
    const user = await makeUser();
    const a = await makeRoom({ place: "C-a", size: 10 });
    const date = dayFromToday(3).getTime();
    const search = () => searchRooms({ roomId: 0, date, time: at(0, 10).getTime(), duration: 60, size: 0 }).then((r) => r.map((x) => x.place));
    expect(await search()).toEqual(["C-a"]);
    const db = await getDb();
    // Plain SQL, as another process or the Open API would write it: closed, renamed, resized, a new room.
    await db.update(rooms).set({ available: false }).where(eq(rooms.id, a.id));
    expect(await search()).toEqual([]);
    await db.update(rooms).set({ available: true, place: "C-b" }).where(eq(rooms.id, a.id));
    await makeRoom({ place: "C-0", size: 10 });
    expect(await search()).toEqual(["C-0", "C-b"]);
    expect((await listOpenRooms()).map((r) => r.place)).toEqual(["C-0", "C-b"]);
    await db.update(rooms).set({ size: 5 }).where(eq(rooms.id, a.id));
    expect(await searchRooms({ roomId: 0, date, time: at(0, 10).getTime(), duration: 60, size: 8 }).then((r) => r.map((x) => x.place))).toEqual(["C-0"]);
    // Bookings are never cached: an approved one takes the room out of that slot immediately.
    await makeBooking({ roomId: a.id, userId: user.id, start: at(3, 10), minutes: 60, status: STATUS.APPROVED });
    expect(await search()).toEqual(["C-0"]);
    // A closed room is a valid question (no answer), an unknown one an error.
    await db.update(rooms).set({ available: false }).where(eq(rooms.id, a.id));
    expect(await searchRooms({ roomId: a.id, date, time: 0, duration: 60, size: 0 })).toEqual([]);
    await db.delete(appointments);
    await db.delete(rooms);
  });

  it("names an unknown room id (4002) and treats 0 as every room", async () => {
    const err = await searchRooms({ roomId: 999999, date: dayFromToday(2).getTime(), time: 0, duration: 60, size: 0 }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 4002, field: "roomId" });
    expect(err.message).toBe("数据格式有误(roomId: 会议室不存在)");
  });

  it("any slot: a room qualifies only with a free window inside open hours, and not in the past", async () => {
    await setHours(8 * 60, 12 * 60);
    const user = await makeUser();
    const r = await makeRoom({ place: "W-1", size: 10 });
    const date = dayFromToday(4).getTime();
    // Busy 08:00-09:00 and 10:30-12:00: the only gap is 09:00-10:30 (90 minutes).
    await makeBooking({ roomId: r.id, userId: user.id, start: at(4, 8), minutes: 60, status: STATUS.APPROVED });
    await makeBooking({ roomId: r.id, userId: user.id, start: at(4, 10, 30), minutes: 90, status: STATUS.APPROVED });
    const any = (duration: number, now?: Date) => searchRooms({ roomId: r.id, date, time: 0, duration, size: 0 }, now).then((x) => x.length);
    expect(await any(90)).toBe(1); // the legacy heuristic found this one only by luck
    expect(await any(91)).toBe(0);
    // At 09:59:30 the earliest bookable start is 10:00: exactly 30 minutes before 10:30.
    expect(await any(30, new Date(at(4, 9, 59).getTime() + 30_000))).toBe(1);
    expect(await any(31, new Date(at(4, 9, 59).getTime() + 30_000))).toBe(0);
    expect(await any(30, at(4, 10))).toBe(0); // at 10:00 sharp, 10:00 itself is no longer in the future
    // A room without bookings still needs the duration to fit the open hours (the legacy said yes to anything).
    const empty = await makeRoom({ place: "W-2", size: 10 });
    expect((await searchRooms({ roomId: empty.id, date, time: 0, duration: 240, size: 0 })).length).toBe(1);
    expect((await searchRooms({ roomId: empty.id, date, time: 0, duration: 241, size: 0 })).length).toBe(0);
  });
});

describe("any-slot search against a brute-force oracle on random data", () => {
  useTestDb();

  it("agrees on every seeded case", async () => {
    const rnd = prng(20261123);
    const db = await getDb();
    const user = await makeUser();
    const roomList = [];
    for (let i = 0; i < 7; i++) roomList.push(await makeRoom({ place: `O-${i}`, size: rnd.int(5, 60), available: rnd.next() > 0.15 }));
    // Two more rooms with bookable hours of their own (Open API beginTime/endTime).
    const ownHours = new Map<number, { open: number; close: number }>();
    for (const [i, open, close] of [[7, 9 * 60, 17 * 60], [8, 0, 1440]]) {
      const room = await makeRoom({ place: `O-${i}`, size: 30 });
      await db.update(rooms).set({ openMinute: open, closeMinute: close }).where(eq(rooms.id, room.id));
      ownHours.set(room.id, { open, close });
      roomList.push({ ...room, openMinute: open, closeMinute: close });
    }

    for (let iter = 0; iter < 60; iter++) {
      const dayOffset = 2 + iter;
      const day = dayFromToday(dayOffset);
      const open = rnd.int(0, 20) * 30;
      const close = Math.min(1440, open + rnd.int(1, 48) * 30);
      await setHours(open, close);
      // Random bookings around that day, some crossing midnight from the day before or into the next one.
      for (const room of roomList) {
        const n = rnd.int(0, 6);
        for (let k = 0; k < n; k++) {
          const start = atLocalMinute(day, rnd.int(-12, 300) * 5);
          const minutes = rnd.pick([15, 30, 45, 60, 90, 120, 180, 300, 600]);
          const status = rnd.next() < 0.7 ? STATUS.APPROVED : rnd.pick([STATUS.PENDING, STATUS.CANCELLED, STATUS.REJECTED, STATUS.EXPIRED]);
          try {
            await makeBooking({ roomId: room.id, userId: user.id, start, minutes, status });
          } catch (e) {
            if (pgErrorCode(e) !== "23P01") throw e; // an overlapping approved one: the constraint refused it
          }
        }
      }
      const approved = await db.select().from(appointments);
      const busy = new Map(roomList.map((r) => [r.id, approved.filter((a) => a.roomId === r.id && a.status === STATUS.APPROVED)]));
      const isFree = (roomId: number, s: number, e: number) => !busy.get(roomId)!.some((b) => b.startsAt.getTime() < e && b.endsAt.getTime() > s);
      // Half of the cases are "today" for the searcher: the past part of the day is not bookable.
      const now = rnd.next() < 0.5 ? atLocalMinute(day, rnd.int(0, 1439)) : new Date(day.getTime() - 86_400_000);
      const nowJitter = new Date(now.getTime() + rnd.int(0, 59_999));
      let duration = rnd.pick([1, 15, 30, 45, 60, 90, 120, 240, 480, 1440]);
      if (rnd.next() < 0.6) {
        // Exact fits are where off-by-one errors hide: ask for the longest free stretch of one room, minute by minute.
        const room = rnd.pick(roomList);
        let run = 0;
        let longest = 0;
        for (let m = open; m < close; m++) {
          const s = atLocalMinute(day, m).getTime();
          run = s > nowJitter.getTime() && isFree(room.id, s, s + 60_000) ? run + 1 : 0;
          longest = Math.max(longest, run);
        }
        if (longest >= 1) duration = longest;
      }
      const size = rnd.pick([0, 0, 10, 30, 50]);
      const roomId = rnd.next() < 0.2 ? rnd.pick(roomList).id : 0;

      const got = (await searchRooms({ roomId, date: day.getTime() + rnd.int(0, 86_399_999), time: 0, duration, size }, nowJitter))
        .map((r) => r.id)
        .sort((a, b) => a - b);

      const expected = [];
      for (const room of roomList) {
        if (!room.available || room.size < size || (roomId !== 0 && room.id !== roomId)) continue;
        let ok = false;
        const h = ownHours.get(room.id) ?? { open, close };
        for (let m = h.open; m + duration <= h.close && !ok; m++) {
          const s = atLocalMinute(day, m).getTime();
          const e = s + duration * 60_000;
          if (s <= nowJitter.getTime()) continue;
          ok = isFree(room.id, s, e);
        }
        if (ok) expected.push(room.id);
      }
      expect(got, `case ${iter}: open ${open}-${close}, duration ${duration}, size ${size}, roomId ${roomId}, now ${nowJitter.toISOString()}`).toEqual(
        expected.sort((a, b) => a - b),
      );

      // The exact slot at a random minute of that day, against the same brute force (rooms with hours of their own
      // included: their fit is computed once per distinct pair of hours).
      const slotMinute = rnd.int(0, 1439);
      const slotStart = atLocalMinute(day, slotMinute).getTime();
      const slotDuration = rnd.pick([1, 15, 30, 60, 120, 240]);
      const slot = (await searchRooms({ roomId, date: day.getTime() + rnd.int(0, 86_399_999), time: slotStart, duration: slotDuration, size }, nowJitter))
        .map((r) => r.id)
        .sort((a, b) => a - b);
      const slotExpected = roomList
        .filter((room) => room.available && room.size >= size && (roomId === 0 || room.id === roomId))
        .filter((room) => {
          const h = ownHours.get(room.id) ?? { open, close };
          const e = slotStart + slotDuration * 60_000;
          return slotStart > nowJitter.getTime() && slotMinute >= h.open && slotMinute + slotDuration <= h.close && isFree(room.id, slotStart, e);
        })
        .map((r) => r.id);
      expect(slot, `slot case ${iter}: ${slotMinute}+${slotDuration}, open ${open}-${close}, size ${size}, roomId ${roomId}`).toEqual(slotExpected.sort((a, b) => a - b));
    }
  }, 240_000); // 60 random days of inserts: slow only when the machine is shared
});
