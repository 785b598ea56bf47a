// GET /server, GET|POST /server/properties: contract, authorization, bad input (nothing half-applied).
import { expect, test } from "@playwright/test";
import { book, at, cast, dayFor, fingerprint, json, roomsByPlace, type Who } from "../helpers/booking";

let c: Awaited<ReturnType<typeof cast>>;
let original: Record<string, unknown>;

test.beforeAll(async () => {
  c = await cast("sv");
  original = await json(await c.people["super admin"].get("/meeting/server/properties"));
});
test.afterAll(async () => {
  const { errcode: _c, errmsg: _m, ...form } = original;
  await c.people["super admin"].post("/meeting/server/properties", { form: form as Record<string, string> });
  await c.dispose();
});

test("GET /server: the legacy counters with the admin's name", async () => {
  const before = await json(await c.people.admin.get("/meeting/server"));
  expect(Object.keys(before).sort()).toEqual(["autoCheck", "autoClean", "errcode", "errmsg", "totalAppointment", "totalToday", "totalUser", "username"]);
  expect(before.errcode).toBe(0);
  expect(before.errmsg).toBe("ok");
  expect(before.username).toMatch(/^bkadm/);
  for (const k of ["totalUser", "totalAppointment", "totalToday"]) expect(Number.isInteger(before[k]), k).toBe(true);
  expect(typeof before.autoCheck).toBe("boolean");
  const rooms = await roomsByPlace(c.people.anonymous);
  const { errcode: _c, errmsg: _m, ...props } = await json(await c.people["super admin"].get("/meeting/server/properties"));
  await c.people["super admin"].post("/meeting/server/properties", { form: { ...props, sh: 8, sm: 0, ch: 22, cm: 0 } });
  await book(c.people.user, { roomId: rooms["逸夫楼101"].roomId, datetime: at(dayFor(4), 12), duration: 30 });
  const after = await json(await c.people["super admin"].get("/meeting/server"));
  expect(after.username).toBe("admin");
  expect(after.totalAppointment).toBe(before.totalAppointment + 1);
  expect(after.totalToday).toBe(before.totalToday + 1); // submitted today, whatever the meeting's date
});

test("GET /server/properties and a POST round trip of every field, minutes exact, 24:00 allowed", async () => {
  const sup = c.people["super admin"];
  const form = { sh: 7, sm: 20, ch: 24, cm: 0, check: "false", checkInterval: 3, clean: "true", cleanInterval: 30 };
  expect(await json(await sup.post("/meeting/server/properties", { form }))).toEqual({ errcode: 0, errmsg: "修改成功" });
  expect(await json(await c.people.admin.get("/meeting/server/properties"))).toEqual({
    sh: 7, sm: 20, ch: 24, cm: 0, check: false, checkInterval: 3, clean: true, cleanInterval: 30, errcode: 0, errmsg: "ok",
  });
  // JSON bodies are accepted too (A3).
  const res = await sup.post("/meeting/server/properties", { data: { sh: 8, sm: 59, ch: 22, cm: 1, check: true, checkInterval: 2, clean: false, cleanInterval: 7 } });
  expect(await json(res)).toEqual({ errcode: 0, errmsg: "修改成功" });
  expect(await json(await sup.get("/meeting/server/properties"))).toMatchObject({ sh: 8, sm: 59, ch: 22, cm: 1, check: true, clean: false });
});

test("authorization table of the server endpoints", async () => {
  const { errcode: _c, errmsg: _m, ...current } = await json(await c.people["super admin"].get("/meeting/server/properties"));
  const table: Record<Who, [number, number, number]> = {
    anonymous: [1005, 1005, 1005],
    user: [1005, 1005, 1005],
    "other user": [1005, 1005, 1005],
    admin: [0, 0, 1006],
    "super admin": [0, 0, 0],
  };
  for (const [who, [server, get, post]] of Object.entries(table) as [Who, [number, number, number]][]) {
    expect((await json(await c.people[who].get("/meeting/server"))).errcode, `GET /server ${who}`).toBe(server);
    expect((await json(await c.people[who].get("/meeting/server/properties"))).errcode, `GET properties ${who}`).toBe(get);
    const before = await fingerprint(c.people["super admin"]);
    const res = await json(await c.people[who].post("/meeting/server/properties", { form: { ...current, checkInterval: 9 } }));
    expect(res.errcode, `POST properties ${who}`).toBe(post);
    if (post === 1006) expect(res.errmsg).toBe("管理员权限不足");
    if (post !== 0) expect(await fingerprint(c.people["super admin"]), who).toBe(before);
  }
});

test("bad input of POST /server/properties: 1004 / 1003 / 4002 and nothing half-applied", async () => {
  const sup = c.people["super admin"];
  const valid = { sh: "8", sm: "0", ch: "22", cm: "0", check: "false", checkInterval: "2", clean: "true", cleanInterval: "7" };
  expect((await json(await sup.post("/meeting/server/properties", { form: valid }))).errcode).toBe(0);
  const before = await fingerprint(sup);
  // Every case also changes the other fields: a half-applied change would show in the fingerprint.
  const other = { sh: "9", sm: "30", ch: "21", cm: "15", check: "true", checkInterval: "5", clean: "false", cleanInterval: "9" };
  const cases: [string, Record<string, string | undefined>, number, string][] = [
    ["hour 24 opening", { sh: "24" }, 1004, "部分服务器属性修改失败，请检查数据格式是否规范"],
    ["minute 60", { sm: "60" }, 1004, "部分服务器属性修改失败，请检查数据格式是否规范"],
    ["24:01 closing", { ch: "24", cm: "1" }, 1004, "部分服务器属性修改失败，请检查数据格式是否规范"],
    ["inverted window", { sh: "21", sm: "30", ch: "21", cm: "15" }, 1004, "部分服务器属性修改失败，请检查数据格式是否规范"],
    ["zero review interval", { checkInterval: "0" }, 1004, "部分服务器属性修改失败，请检查数据格式是否规范"],
    ["negative clean interval", { cleanInterval: "-1" }, 1004, "部分服务器属性修改失败，请检查数据格式是否规范"],
    ["huge interval", { cleanInterval: "99999999999" }, 1004, "部分服务器属性修改失败，请检查数据格式是否规范"],
    ["missing sh", { sh: undefined }, 1003, "服务器属性修改失败"],
    ["empty cleanInterval", { cleanInterval: "" }, 1003, "服务器属性修改失败"],
    ["text minutes", { sm: "半" }, 4002, "数据格式有误(sm: 必须是整数)"],
    ["bad boolean", { check: "maybe" }, 4002, "数据格式有误(check: 必须是 true 或 false)"],
  ];
  for (const [name, patch, errcode, errmsg] of cases) {
    const form = Object.fromEntries(Object.entries({ ...other, ...patch }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(await json(await sup.post("/meeting/server/properties", { form })), name).toEqual({ errcode, errmsg });
    expect(await fingerprint(sup), name).toBe(before);
  }
});
