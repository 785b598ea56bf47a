import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/db/testing";
import { dayFromToday, makeRoom, setHours } from "@/lib/services/testing/fixtures";
import { formatDate } from "@/lib/time";
import { HOME_PAGE_SIZE, homeSearch } from "./home-search";

describe("the home search, a page at a time", () => {
  useTestDb();

  it("counts every matching room, shows one page of them in order, and clamps a page out of range", async () => {
    await setHours(8 * 60, 22 * 60);
    const n = HOME_PAGE_SIZE + 5;
    for (let i = 0; i < n; i++) await makeRoom({ place: `H-${String(i).padStart(3, "0")}`, size: 10 });
    await makeRoom({ place: "H-small", size: 2 });
    const q = { roomId: 0, date: formatDate(dayFromToday(3)), duration: 60, size: 5 };

    const first = await homeSearch(q);
    expect(first.total).toBe(n);
    expect(first.page).toBe(1);
    expect(first.pages).toBe(2);
    expect(first.rooms).toHaveLength(HOME_PAGE_SIZE);

    const second = await homeSearch(q, 2);
    expect(second.rooms).toHaveLength(5);
    // The two pages together are the whole answer, each room once, in the same order as one unpaged list.
    const places = [...first.rooms, ...second.rooms].map((r) => r.place);
    expect(new Set(places).size).toBe(n);
    expect(places).toEqual([...places].sort((a, b) => a.localeCompare(b)));

    expect((await homeSearch(q, 99)).page).toBe(2);
    expect((await homeSearch(q, 0)).page).toBe(1);
  });
});
