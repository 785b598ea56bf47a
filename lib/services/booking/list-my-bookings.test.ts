import { describe, expect, it } from "vitest";
import { STATUS } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { at, makeBooking, makeRoom, makeUser } from "@/lib/services/testing/fixtures";
import { listMyBookings, MY_BOOKINGS_PAGE_SIZE } from "./list-my-bookings";

useTestDb();

describe("listMyBookings, a page at a time", () => {
  it("pages 即将开始 soonest first and history latest first, totals from the tab counts, clamps the page", async () => {
    const room = await makeRoom();
    const [me, other] = [await makeUser(), await makeUser()];
    // Upcoming: pending and approved, one a day from tomorrow, inserted out of order; plus one already over.
    const n = MY_BOOKINGS_PAGE_SIZE + 5;
    const days = Array.from({ length: n }, (_, i) => (i * 7) % n); // a permutation of 0…n-1
    for (const d of days) await makeBooking({ roomId: room.id, userId: me.id, start: at(d + 1, 10), minutes: 60, status: d % 2 ? STATUS.APPROVED : STATUS.PENDING });
    await makeBooking({ roomId: room.id, userId: me.id, start: at(-1, 10), minutes: 60, status: STATUS.APPROVED });
    for (let d = 0; d < 3; d++) await makeBooking({ roomId: room.id, userId: me.id, start: at(d + 1, 15), minutes: 60, status: STATUS.CANCELLED });
    await makeBooking({ roomId: room.id, userId: other.id, start: at(2, 18), minutes: 60 });

    const first = await listMyBookings(me.id, "upcoming");
    expect(first).toMatchObject({ total: n, upcoming: n, page: 1, pages: 2 });
    expect(first.counts).toEqual({ 0: 0, 1: 3, 2: Math.ceil(n / 2), 3: Math.floor(n / 2) + 1, 4: 0 });
    expect(first.bookings).toHaveLength(MY_BOOKINGS_PAGE_SIZE);
    const second = await listMyBookings(me.id, "upcoming", 2);
    expect(second.bookings).toHaveLength(5);
    const starts = [...first.bookings, ...second.bookings].map((b) => b.startsAt.getTime());
    expect(starts).toEqual(Array.from({ length: n }, (_, d) => at(d + 1, 10).getTime()));
    expect(new Set([...first.bookings, ...second.bookings].map((b) => b.id)).size).toBe(n);

    // Out of range → the last page; garbage → the first.
    expect(await listMyBookings(me.id, "upcoming", 99)).toEqual(second);
    expect((await listMyBookings(me.id, "upcoming", 0)).page).toBe(1);
    expect((await listMyBookings(me.id, "upcoming", Number.NaN)).page).toBe(1);

    // A status tab: its own count is the total; history is latest meeting first.
    const cancelled = await listMyBookings(me.id, STATUS.CANCELLED, 5);
    expect(cancelled).toMatchObject({ total: 3, page: 1, pages: 1 });
    expect(cancelled.bookings.map((b) => b.startsAt.getTime())).toEqual([at(3, 15), at(2, 15), at(1, 15)].map((d) => d.getTime()));
    // Pending, soonest first; an empty tab is one empty page.
    const pending = await listMyBookings(me.id, STATUS.PENDING);
    expect(pending.total).toBe(first.counts[STATUS.PENDING]);
    expect(pending.bookings.map((b) => b.startsAt.getTime())).toEqual([...pending.bookings.map((b) => b.startsAt.getTime())].sort((a, b) => a - b));
    expect(await listMyBookings(me.id, STATUS.REJECTED, 3)).toMatchObject({ bookings: [], total: 0, page: 1, pages: 1 });
  });
});
