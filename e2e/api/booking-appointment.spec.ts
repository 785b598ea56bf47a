// POST /appointment, GET /appointment/cancel/{id}, GET|POST /history/{statusCode}: contract, authorization, bad input.
import { expect, test } from "@playwright/test";
import { at, book, cast, client, dayFor, fingerprint, json, LEGACY_DATE, legacyDate, roomsByPlace, setProperties, type Who } from "../helpers/booking";
import { SAME_ORIGIN } from "../helpers/auth";

const D = dayFor(2);
let c: Awaited<ReturnType<typeof cast>>;
let rooms: Record<string, { roomId: number; size: number }>;
let restore: Record<string, string | number | boolean>;

test.beforeAll(async () => {
  c = await cast("ap");
  rooms = await roomsByPlace(c.people.anonymous);
  restore = await setProperties(c.people["super admin"], { sh: 8, sm: 0, ch: 22, cm: 0, check: false });
});
test.afterAll(async () => {
  await setProperties(c.people["super admin"], restore);
  await c.dispose();
});

test("POST /appointment creates a pending booking; history shows it in the legacy shape, newest first", async () => {
  const { user } = c.people;
  const roomId = rooms["逸夫楼201"].roomId;
  const first = await book(user, { roomId, datetime: at(D, 14), duration: 45, size: 3, purpose: "组会 <b>", note: "带投影仪" });
  const second = await book(user, { roomId, datetime: at(D, 16), duration: 30, size: 2, purpose: "答辩" });
  const body = await json(await user.get("/meeting/history/2"));
  expect(body.errcode).toBe(0);
  expect(body.errmsg).toBe("ok");
  expect(body.statusCode).toBe(2);
  const ids = body.history.map((h: { appointId: number }) => h.appointId);
  expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
  const view = body.history.find((h: { appointId: number }) => h.appointId === first);
  expect(view).toEqual({
    appointId: first,
    userid: c.userid,
    place: "逸夫楼201",
    purpose: "组会 <b>",
    participants: 3,
    name: c.userid,
    phone: "13912345678",
    note: "带投影仪",
    startTime: legacyDate(at(D, 14)),
    duration: 45,
    statusCode: 2,
    statusInfo: "审核中",
    checkInfo: "审核中，请耐心等待",
    handTime: expect.stringMatching(LEGACY_DATE),
  });
  // The API document's POST variant answers the same.
  expect(await json(await user.post("/meeting/history/2"))).toEqual(body);
  // Status codes outside 0–4 are refused (issue 11 §1.5).
  expect(await json(await user.get("/meeting/history/9"))).toEqual({ errcode: 4002, errmsg: "数据格式有误(statusCode: 必须是0到4)" });
});

test("POST /appointment refuses a period overlapping an approved booking at once (2003)", async () => {
  const { user, "super admin": sup } = c.people;
  const roomId = rooms["逸夫楼301"].roomId;
  const id = await book(user, { roomId, datetime: at(D, 9), duration: 60 });
  expect(await json(await sup.post("/meeting/check/approve", { form: { ais: id } }))).toEqual({ errcode: 0, errmsg: "通过预约成功" });
  const before = await fingerprint(sup);
  const res = await json(await c.people["other user"].post("/meeting/appointment", {
    form: { roomId, datetime: at(D, 9, 59), duration: 30, size: 2, phone: "13912345678", purpose: "x" },
  }));
  expect(res).toEqual({ errcode: 2003, errmsg: "提交预约失败：该时段已被占用" });
  expect(await fingerprint(sup)).toBe(before);
  // Back to back is fine.
  await book(c.people["other user"], { roomId, datetime: at(D, 10), duration: 30 });
});

test("authorization of POST /appointment and /history", async () => {
  const form = { roomId: rooms["逸夫楼401"].roomId, datetime: at(D, 11), duration: 30, size: 2, phone: "13912345678", purpose: "authz" };
  const expected: Record<Who, number> = { anonymous: 3001, user: 0, "other user": 0, admin: 3001, "super admin": 3001 };
  for (const [who, code] of Object.entries(expected) as [Who, number][]) {
    const res = await json(await c.people[who].post("/meeting/appointment", { form }));
    expect(res.errcode, who).toBe(code);
    if (code === 3001) expect(res.errmsg).toBe("请在企业微信客户端打开链接");
    const h = await json(await c.people[who].get("/meeting/history/2"));
    expect(h.errcode, `history ${who}`).toBe(code);
  }
  // Each user sees only their own bookings.
  const mine = await json(await c.people.user.get("/meeting/history/2"));
  const theirs = await json(await c.people["other user"].get("/meeting/history/2"));
  expect(mine.history.every((h: { userid: string }) => h.userid === c.userid)).toBe(true);
  expect(theirs.history.every((h: { userid: string }) => h.userid === c.otherUserid)).toBe(true);
});

test("bad input of POST /appointment: the envelope error and nothing written", async () => {
  const sup = c.people["super admin"];
  const before = await fingerprint(sup);
  const roomId = rooms["逸夫楼501"].roomId; // 45 seats
  const valid: Record<string, string> = { roomId: String(roomId), datetime: String(at(D, 15)), duration: "60", size: "5", phone: "13912345678", purpose: "评审", note: "" };
  const cases: [string, Record<string, string | undefined>, number, string][] = [
    ["missing roomId", { roomId: undefined }, 4002, "数据格式有误(roomId: 缺少参数)"],
    ["empty datetime", { datetime: "" }, 4002, "数据格式有误(datetime: 缺少参数)"],
    ["text duration", { duration: "一小时" }, 4002, "数据格式有误(duration: 必须是整数)"],
    ["zero duration", { duration: "0" }, 4002, "数据格式有误(duration: 不能小于1分钟)"],
    ["duration over a day", { duration: "1441" }, 4002, "数据格式有误(duration: 不能大于1440分钟)"],
    ["no participants", { size: "0" }, 4002, "数据格式有误(size: 必须是正整数)"],
    ["more participants than seats", { size: "46" }, 4002, "数据格式有误(size: 参与人数超过会议室容量(45人))"],
    ["bad phone", { phone: "187974039611" }, 4002, "数据格式有误(phone: 电话号码格式不正确（手机号，或带区号的座机号，可加分机号）)"],
    ["missing phone", { phone: undefined }, 4002, "数据格式有误(phone: 缺少参数)"],
    ["empty purpose", { purpose: " " }, 4002, "数据格式有误(purpose: 不能为空)"],
    ["purpose over 100", { purpose: "议".repeat(101) }, 4002, "数据格式有误(purpose: 不能超过100个字符)"],
    ["note over 500", { note: "n".repeat(501) }, 4002, "数据格式有误(note: 不能超过500个字符)"],
    ["unknown room", { roomId: "987654" }, 4002, "数据格式有误(roomId: 会议室不存在)"],
    ["start in the past", { datetime: String(Date.now() - 3_600_000) }, 4002, "数据格式有误(datetime: 开始时间必须晚于当前时间)"],
    ["before opening", { datetime: String(at(D, 7, 30)) }, 3003, "预约的时间段为会议室非开放时间段"],
    ["past closing with the real duration", { datetime: String(at(D, 21, 30)), duration: "31" }, 3003, "预约的时间段为会议室非开放时间段"],
    ["beyond 2100", { datetime: "5000000000000" }, 4002, "数据格式有误(datetime: 超出范围)"],
  ];
  // The submission budget (10 a minute) is per user: spread the table over a few fresh users.
  // Sequentially: the fake WeCom has one "who opens the app next" at a time.
  const users = [await client({ user: `apbad0${Date.now() % 100000}` }), await client({ user: `apbad1${Date.now() % 100000}` })];
  for (const [i, [name, patch, errcode, errmsg]] of cases.entries()) {
    const form = Object.fromEntries(Object.entries({ ...valid, ...patch }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(await json(await users[Math.floor(i / 9)].post("/meeting/appointment", { form })), name).toEqual({ errcode, errmsg });
  }
  expect(await fingerprint(sup)).toBe(before);
  await Promise.all(users.map((u) => u.dispose()));
});

test("submission rate limit: 4003 操作频繁 after 10 a minute, per user", async () => {
  const ctx = await client({ user: `aprate${Date.now() % 100000}` });
  const form = { roomId: 987654, datetime: at(D, 12), duration: 60, size: 1, phone: "13912345678", purpose: "x" };
  for (let i = 0; i < 10; i++) expect((await json(await ctx.post("/meeting/appointment", { form }))).errcode).toBe(4002);
  expect(await json(await ctx.post("/meeting/appointment", { form }))).toEqual({ errcode: 4003, errmsg: "操作频繁" });
  await ctx.dispose();
});

test("GET /appointment/cancel/{id}: the owner cancels and is sent to the detail page; everyone else is refused", async () => {
  const { user } = c.people;
  const roomId = rooms["逸夫楼101"].roomId;
  const id = await book(user, { roomId, datetime: at(D, 18), duration: 30 });
  const expected: Record<Exclude<Who, "user">, [number, string]> = {
    anonymous: [3001, "请在企业微信客户端打开链接"],
    "other user": [2007, "预约号参数为空或不合法"], // the same answer as an unknown id
    admin: [3001, "请在企业微信客户端打开链接"],
    "super admin": [3001, "请在企业微信客户端打开链接"],
  };
  for (const [who, [code, message]] of Object.entries(expected) as [Exclude<Who, "user">, [number, string]][]) {
    const res = await c.people[who].get(`/meeting/appointment/cancel/${id}`, { maxRedirects: 0, headers: SAME_ORIGIN });
    expect(res.status(), who).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/html");
    const html = await res.text();
    expect(html, who).toContain(`data-errcode="${code}"`);
    expect(html, who).toContain(message);
  }
  expect((await json(await user.get("/meeting/history/2"))).history.map((h: { appointId: number }) => h.appointId)).toContain(id);

  // A cross-site navigation cannot cancel (the legacy GET stays, guarded).
  const cross = await user.get(`/meeting/appointment/cancel/${id}`, { maxRedirects: 0, headers: { "sec-fetch-site": "cross-site" } });
  expect(await cross.text()).toContain('data-errcode="4005"');
  expect((await json(await user.get("/meeting/history/2"))).history.map((h: { appointId: number }) => h.appointId)).toContain(id);

  const res = await user.get(`/meeting/appointment/cancel/${id}`, { maxRedirects: 0, headers: SAME_ORIGIN });
  expect(res.status()).toBe(302);
  expect(res.headers()["location"]).toBe(`/meeting/history/detail/${id}`);
  const cancelled = await json(await user.get("/meeting/history/1"));
  expect(cancelled.history.find((h: { appointId: number }) => h.appointId === id)).toMatchObject({ statusCode: 1, statusInfo: "预约被取消", checkInfo: "预约已取消" });
  // Twice: no longer cancellable.
  expect(await (await user.get(`/meeting/appointment/cancel/${id}`, { maxRedirects: 0, headers: SAME_ORIGIN })).text()).toContain('data-errcode="2006"');
});

test("bad input of cancel and history: 4002 / 2007, nothing changed", async () => {
  const { user } = c.people;
  const before = await fingerprint(c.people["super admin"]);
  for (const [path, code] of [["abc", 4002], ["0", 4002], ["-1", 4002], ["99999999999", 4002], ["987654321", 2007]] as const) {
    const html = await (await user.get(`/meeting/appointment/cancel/${path}`, { maxRedirects: 0, headers: SAME_ORIGIN })).text();
    expect(html, path).toContain(`data-errcode="${code}"`);
  }
  for (const path of ["abc", "1.5", "99999999999"]) {
    const body = await json(await user.get(`/meeting/history/${path}`));
    expect(body.errcode, path).toBe(4002);
    expect(body.errmsg).toMatch(/^数据格式有误\(statusCode: /);
  }
  expect(await fingerprint(c.people["super admin"])).toBe(before);
});
