// GET /rooms, POST /rooms (exact slot, any slot, `type` variant), GET /room/periods: contract, authorization, bad input.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { at, book, cast, client, dayFor, fingerprint, json, LEGACY_DATE, legacyDate, roomsByPlace, setProperties, shanghaiMidnight, type Who } from "../helpers/booking";

const D = dayFor(1);
let people: Awaited<ReturnType<typeof cast>>["people"];
let dispose: () => Promise<unknown>;
let rooms: Record<string, { roomId: number; size: number }>;
let restore: Record<string, string | number | boolean>;

test.beforeAll(async () => {
  const c = await cast("rm");
  people = c.people;
  dispose = c.dispose;
  rooms = await roomsByPlace(people.anonymous);
  restore = await setProperties(people["super admin"], { sh: 8, sm: 0, ch: 22, cm: 0, check: false });
  // One approved booking: 逸夫楼101 09:00–10:00 on day D (already there when this worker restarted after a failure).
  const roomId = rooms["逸夫楼101"].roomId;
  const existing = await json(await people.anonymous.get(`/meeting/room/periods?roomId=${roomId}&type=that&date=${shanghaiMidnight(D)}`));
  if (existing.periods.length === 0) {
    const id = await book(people.user, { roomId, datetime: at(D, 9), duration: 60, size: 5 });
    const ok = await json(await people["super admin"].post("/meeting/check/approve", { form: { ais: String(id) } }));
    expect(ok).toEqual({ errcode: 0, errmsg: "通过预约成功" });
  }
});

test.afterAll(async () => {
  await setProperties(people["super admin"], restore);
  await dispose();
});

const search = (ctx: APIRequestContext, form: Record<string, string | number>) => ctx.post("/meeting/rooms", { form });

test("GET /rooms lists the open rooms in the legacy shape and Chinese order", async () => {
  const body = await json(await people.anonymous.get("/meeting/rooms"));
  expect(body.errcode).toBe(0);
  expect(body.errmsg).toBe("ok");
  expect(body.rooms.length).toBeGreaterThanOrEqual(5);
  for (const r of body.rooms) {
    expect(Object.keys(r).sort()).toEqual(["available", "place", "roomId", "size"]);
    expect(typeof r.roomId).toBe("number");
    expect(typeof r.size).toBe("number");
    expect(r.available).toBe(1);
  }
  const demo = body.rooms.map((r: { place: string }) => r.place).filter((p: string) => p.startsWith("逸夫楼"));
  expect(demo).toEqual(["逸夫楼101", "逸夫楼201", "逸夫楼301", "逸夫楼401", "逸夫楼501"]);
});

test("POST /rooms exact slot: rooms free at that time with enough seats", async () => {
  const base = { roomId: 0, date: shanghaiMidnight(D), time: at(0, 9, 30), duration: 30, size: 0 };
  const all = await json(await search(people.user, base));
  expect(all.errcode).toBe(0);
  const places = all.rooms.map((r: { place: string }) => r.place);
  expect(places).not.toContain("逸夫楼101");
  expect(places).toContain("逸夫楼201");
  // Back to back with the approved booking is free.
  const after = await json(await search(people.user, { ...base, time: at(0, 10) }));
  expect(after.rooms.map((r: { place: string }) => r.place)).toContain("逸夫楼101");
  // Capacity: 逸夫楼401 (55 seats) is the only demo room with 55.
  const big = await json(await search(people.user, { ...base, size: 55 }));
  expect(big.rooms.map((r: { place: string }) => r.place).filter((p: string) => p.startsWith("逸夫楼"))).toEqual(["逸夫楼401"]);
  // The real duration against closing time (22:00).
  expect((await json(await search(people.user, { ...base, time: at(0, 21), duration: 61 }))).rooms).toEqual([]);
});

test("POST /rooms any slot (time 0): rooms with a free window of that length that day", async () => {
  const one = { roomId: rooms["逸夫楼101"].roomId, date: shanghaiMidnight(D) + 5 * 3_600_000, time: 0, size: 0 };
  // Open 08:00–22:00 with 09:00–10:00 taken: 12 hours are free after it, 13 hours are not.
  expect((await json(await search(people.user, { ...one, duration: 720 }))).rooms).toHaveLength(1);
  expect((await json(await search(people.user, { ...one, duration: 721 }))).rooms).toHaveLength(0);
  // The doc's variant without `time` and `size`.
  const doc = await json(await people.user.post("/meeting/rooms", { form: { roomId: 0, date: shanghaiMidnight(D), duration: 60 } }));
  expect(doc.rooms.length).toBeGreaterThanOrEqual(5);
});

test("POST /rooms with `type` and GET /room/periods answer the occupancy and the real roomId (issue 11 §1.6)", async () => {
  const roomId = rooms["逸夫楼101"].roomId;
  const that = await json(await people.anonymous.get(`/meeting/room/periods?roomId=${roomId}&type=that&date=${shanghaiMidnight(D) + 1000}`));
  expect(that).toEqual({ errcode: 0, errmsg: "ok", roomId, periods: [{ startTime: legacyDate(at(D, 9)), duration: 60 }] });
  expect(that.periods[0].startTime).toMatch(LEGACY_DATE);
  const all = await json(await people.anonymous.get(`/meeting/room/periods?roomId=${roomId}&type=all`));
  expect(all.roomId).toBe(roomId);
  expect(all.periods).toContainEqual({ startTime: legacyDate(at(D, 9)), duration: 60 });
  const viaPost = await json(await people.user.post("/meeting/rooms", { form: { roomId, type: "that", date: shanghaiMidnight(D) } }));
  expect(viaPost).toEqual(that);
  const otherDay = await json(await people.anonymous.get(`/meeting/room/periods?roomId=${roomId}&type=that&date=${shanghaiMidnight(D + 1)}`));
  expect(otherDay).toEqual({ errcode: 0, errmsg: "ok", roomId, periods: [] });
});

test("authorization: the room endpoints are public, the same answer for everyone", async () => {
  const who: Who[] = ["anonymous", "user", "other user", "admin", "super admin"];
  const form = { roomId: 0, date: shanghaiMidnight(D), time: at(0, 9, 30), duration: 30, size: 0 };
  const expected = await json(await search(people.user, form));
  for (const w of who) {
    expect((await json(await people[w].get("/meeting/rooms"))).errcode, w).toBe(0);
    expect(await json(await search(people[w], form)), w).toEqual(expected);
    expect((await json(await people[w].get(`/meeting/room/periods?roomId=${rooms["逸夫楼101"].roomId}&type=all`))).errcode, w).toBe(0);
  }
});

test("bad input: 4002 naming the field, nothing written", async () => {
  const before = await fingerprint(people["super admin"]);
  const ctx = await client({ user: `rmbad${Date.now() % 100000}` });
  const valid = { roomId: "0", date: String(shanghaiMidnight(D)), time: "0", duration: "60", size: "0" };
  const cases: [string, Record<string, string | undefined>, string][] = [
    ["missing roomId", { roomId: undefined }, "数据格式有误(roomId: 缺少参数)"],
    ["empty date", { date: "" }, "数据格式有误(date: 缺少参数)"],
    ["missing duration", { duration: undefined }, "数据格式有误(duration: 缺少参数)"],
    ["non-numeric duration", { duration: "abc" }, "数据格式有误(duration: 必须是整数)"],
    ["fractional size", { size: "1.5" }, "数据格式有误(size: 必须是整数)"],
    ["zero duration", { duration: "0" }, "数据格式有误(duration: 不能小于1分钟)"],
    ["duration over a day", { duration: "1441" }, "数据格式有误(duration: 不能大于1440分钟)"],
    ["negative size", { size: "-1" }, "数据格式有误(size: 不能为负数)"],
    ["negative roomId", { roomId: "-3" }, "数据格式有误(roomId: 不能为负数)"],
    ["date beyond 2100", { date: "5000000000000" }, "数据格式有误(date: 超出范围)"],
    ["unknown room", { roomId: "987654" }, "数据格式有误(roomId: 会议室不存在)"],
  ];
  for (const [name, patch, errmsg] of cases) {
    const form = Object.fromEntries(Object.entries({ ...valid, ...patch }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(await json(await ctx.post("/meeting/rooms", { form })), name).toEqual({ errcode: 4002, errmsg });
  }
  const periods: [string, string, string][] = [
    ["missing type", "roomId=1&date=0", "数据格式有误(type: 缺少参数)"],
    ["unknown type", "roomId=1&type=week&date=0", "数据格式有误(type: 必须是 that 或 all)"],
    ["missing roomId", "type=all", "数据格式有误(roomId: 缺少参数)"],
    ["zero roomId", "roomId=0&type=all", "数据格式有误(roomId: 必须是正整数)"],
    ["unknown roomId", "roomId=987654&type=all", "数据格式有误(roomId: 会议室不存在)"],
    ["that without date", `roomId=${rooms["逸夫楼101"].roomId}&type=that`, "数据格式有误(date: 缺少参数)"],
    ["text date", `roomId=${rooms["逸夫楼101"].roomId}&type=that&date=today`, "数据格式有误(date: 必须是毫秒时间戳)"],
  ];
  for (const [name, query, errmsg] of periods) {
    expect(await json(await people.anonymous.get(`/meeting/room/periods?${query}`)), name).toEqual({ errcode: 4002, errmsg });
  }
  expect(await fingerprint(people["super admin"])).toBe(before);
  await ctx.dispose();
});

test("rate limit: searching has its own budget per user (4003 操作频繁), booking is unaffected", async () => {
  const ctx = await client({ user: `rmrate${Date.now() % 100000}` });
  const form = { roomId: 0, date: shanghaiMidnight(D), time: 0, duration: 60, size: 0 };
  const codes = [];
  for (let i = 0; i < 31; i++) codes.push((await json(await search(ctx, form))).errcode);
  expect(codes.slice(0, 30).every((c) => c === 0)).toBe(true);
  expect(await json(await search(ctx, form))).toEqual({ errcode: 4003, errmsg: "操作频繁" });
  // Submission is a separate budget: a (refused for its own reason) booking is still evaluated.
  const res = await json(await ctx.post("/meeting/appointment", { form: { roomId: 987654, datetime: at(D, 12), duration: 60, size: 1, phone: "13912345678", purpose: "x" } }));
  expect(res.errcode).toBe(4002);
  // Another user is not affected.
  expect((await json(await search(people["other user"], form))).errcode).toBe(0);
  await ctx.dispose();
});
