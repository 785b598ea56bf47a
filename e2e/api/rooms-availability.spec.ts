// GET /meeting/api/rooms/availability (new; the user pages' search, timeline and slot answers): shape and bad input.
import { expect, test } from "@playwright/test";

function campusDate(offset: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

test("answers free windows per open room in the legacy envelope", async ({ request }) => {
  const day = campusDate(30);
  const body = await (await request.get(`/meeting/api/rooms/availability?date=${day}&duration=60&start=09:00`)).json();
  expect(body).toMatchObject({ errcode: 0, errmsg: "ok", day, openMinute: expect.any(Number), closeMinute: expect.any(Number) });
  expect(body.rooms.length).toBeGreaterThan(0);
  for (const r of body.rooms) {
    expect(r).toMatchObject({ id: expect.any(Number), place: expect.any(String), size: expect.any(Number), available: true });
    expect(typeof r.slotFree).toBe("boolean");
  }
  // A day a month ahead has free time: the window rule below is checked on real windows, not on an empty list.
  const windows: { start: number; end: number }[] = body.rooms.flatMap((r: { windows: { start: number; end: number }[] }) => r.windows);
  expect(windows.length).toBeGreaterThan(0);
  for (const w of windows) expect(w.end - w.start).toBeGreaterThanOrEqual(60 * 60_000);
});

test("bad input is 4002 naming the field, never a 500", async ({ request }) => {
  const cases: [string, RegExp][] = [
    ["date=2030-02-30&duration=60", /^数据格式有误\(date: /],
    ["date=tomorrow&duration=60", /^数据格式有误\(date: /],
    [`date=${campusDate(1)}`, /^数据格式有误\(duration: /],
    [`date=${campusDate(1)}&duration=0`, /^数据格式有误\(duration: /],
    [`date=${campusDate(1)}&duration=60&start=25:00`, /^数据格式有误\(start: /],
    [`date=${campusDate(1)}&duration=60&roomId=987654`, /^数据格式有误\(roomId: /],
  ];
  for (const [query, message] of cases) {
    const res = await request.get(`/meeting/api/rooms/availability?${query}`);
    expect(res.status(), query).toBe(200);
    const body = await res.json();
    expect(body.errcode, query).toBe(4002);
    expect(body.errmsg, query).toMatch(message);
  }
});
