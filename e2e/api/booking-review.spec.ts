// GET /check/all, POST /check/approve, POST /check/reject: contract, authorization, bad input, messages to WeCom.
import { expect, test } from "@playwright/test";
import { fakeWecom } from "../helpers/wecom";
import { at, book, cast, dayFor, fingerprint, json, LEGACY_DATE, legacyDate, outboxMessages, roomsByPlace, setProperties, type Who } from "../helpers/booking";

const D = dayFor(3);
let c: Awaited<ReturnType<typeof cast>>;
let rooms: Record<string, { roomId: number; size: number }>;
let restore: Record<string, string | number | boolean>;

test.beforeAll(async () => {
  c = await cast("rv");
  rooms = await roomsByPlace(c.people.anonymous);
  restore = await setProperties(c.people["super admin"], { sh: 8, sm: 0, ch: 22, cm: 0, check: false });
});
test.afterAll(async () => {
  await setProperties(c.people["super admin"], restore);
  await c.dispose();
});

const history = async (who: Who, status: number) =>
  (await json(await c.people[who].get(`/meeting/history/${status}`))).history as { appointId: number; checkInfo: string; statusCode: number }[];

test("GET /check/all: pending bookings oldest first as a layui table of CheckView rows", async () => {
  const roomId = rooms["逸夫楼201"].roomId;
  const a = await book(c.people.user, { roomId, datetime: at(D, 8), duration: 30, size: 4, purpose: "审核A", note: "备注" });
  const b = await book(c.people["other user"], { roomId, datetime: at(D, 8, 30), duration: 30, size: 3, purpose: "审核B" });
  const body = await json(await c.people.admin.get("/meeting/check/all?page=1&size=1000"));
  expect(Object.keys(body).sort()).toEqual(["code", "count", "data", "msg"]);
  expect(body.code).toBe(0);
  expect(body.msg).toBe("");
  expect(body.count).toBe(body.data.length);
  const ids = body.data.map((r: { appointId: number }) => r.appointId);
  expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));
  expect(body.data.find((r: { appointId: number }) => r.appointId === a)).toEqual({
    appointId: a,
    userid: c.userid,
    name: c.userid,
    roomId,
    place: "逸夫楼201",
    size: 40,
    purpose: "审核A",
    participants: 4,
    phone: "13912345678",
    startTime: legacyDate(at(D, 8)),
    duration: 30,
    note: "备注",
    handTime: expect.stringMatching(LEGACY_DATE),
  });
  // Paging: one row per page; past the last page is the last page (legacy PageHelper).
  const p1 = await json(await c.people.admin.get("/meeting/check/all?page=1&size=1"));
  expect(p1.count).toBe(body.count);
  expect(p1.data).toEqual([body.data[0]]);
  const last = await json(await c.people.admin.get(`/meeting/check/all?page=${body.count + 5}&size=1`));
  expect(last.data).toEqual([body.data[body.count - 1]]);
});

test("POST /check/approve approves, rejects what now overlaps, and records the WeCom messages", async () => {
  await fakeWecom.clearMessages();
  const roomId = rooms["逸夫楼301"].roomId;
  const winner = await book(c.people.user, { roomId, datetime: at(D, 10), duration: 60 });
  const loser = await book(c.people["other user"], { roomId, datetime: at(D, 10, 30), duration: 60 });
  const res = await json(await c.people.admin.post("/meeting/check/approve", { form: { ais: String(winner) } }));
  expect(res).toEqual({ errcode: 0, errmsg: "通过预约成功" });
  const adminName = `bkadm${String(process.env.E2E_RUN_ID).slice(-6)}`;
  expect((await history("user", 3)).find((h) => h.appointId === winner)).toMatchObject({ statusCode: 3, checkInfo: `${adminName}：成功通过审核` });
  expect((await history("other user", 4)).find((h) => h.appointId === loser)).toMatchObject({ statusCode: 4, checkInfo: `${adminName}：已被他人抢先占用` });
  // Approving again: nothing pending any more.
  expect(await json(await c.people.admin.post("/meeting/check/approve", { form: { ais: `${winner},${loser}` } }))).toEqual({ errcode: 2005, errmsg: "通过预约失败" });

  // The messages are in the outbox, written with the review (checked in the database when the server runs on Postgres).
  const messages = await outboxMessages([winner, loser]);
  if (messages) {
    expect(messages.map((m) => m.touser)).toEqual([c.userid, c.otherUserid]);
    expect(messages[0].content).toMatch(new RegExp(`^会议室预约结果通知\n预约序号：${winner}\n预约结果：成功通过审核\n通知时间：\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\n查看详情：http://localhost:\\d+/meeting/history/detail/${winner}$`));
    expect(messages[1].content).toContain(`预约序号：${loser}\n预约结果：被退回\n审核信息：已被他人抢先占用\n`);
  }

  // Delivery is the background run's job; the recorded messages reach the fake WeCom once it runs (if wired).
  const cron = await c.people.anonymous.get("/meeting/api/cron/maintenance", { headers: { authorization: `Bearer ${process.env.E2E_SERVER_CRON_SECRET}` } });
  if (cron.status() === 200) {
    await expect.poll(async () => (await fakeWecom.messages()).length).toBeGreaterThanOrEqual(2);
    const texts = (await fakeWecom.messages()).map((m) => (m.body.text as { content: string }).content);
    expect(texts.find((t) => t.includes(`预约序号：${winner}\n`))).toMatch(new RegExp(`^会议室预约结果通知\\n预约序号：${winner}\\n预约结果：成功通过审核\\n通知时间：\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\n`));
  }
});

test("POST /check/reject stores the reason once; only pending bookings change", async () => {
  const roomId = rooms["逸夫楼401"].roomId;
  const p = await book(c.people.user, { roomId, datetime: at(D, 13), duration: 30 });
  const res = await json(await c.people["super admin"].post("/meeting/check/reject", { form: { ais: String(p), checkInfo: "设备检修" } }));
  expect(res).toEqual({ errcode: 0, errmsg: "退回成功" });
  expect((await history("user", 4)).find((h) => h.appointId === p)).toMatchObject({ statusCode: 4, checkInfo: "admin：设备检修" });
  expect(await json(await c.people["super admin"].post("/meeting/check/reject", { form: { ais: String(p), checkInfo: "again" } }))).toEqual({ errcode: 2004, errmsg: "退回预约失败" });
  expect((await history("user", 4)).find((h) => h.appointId === p)?.checkInfo).toBe("admin：设备检修");
});

test("authorization table of the review endpoints", async () => {
  const roomId = rooms["逸夫楼501"].roomId;
  const expected: Record<Who, number> = { anonymous: 1005, user: 1005, "other user": 1005, admin: 0, "super admin": 0 };
  for (const [who, code] of Object.entries(expected) as [Who, number][]) {
    const list = await json(await c.people[who].get("/meeting/check/all?page=1&size=10"));
    if (code === 0) expect(list.code, who).toBe(0);
    else expect(list, who).toEqual({ errcode: 1005, errmsg: "管理员身份过期，请重新登录" });
    const id = await book(c.people.user, { roomId, datetime: at(D, 14) + Object.keys(expected).indexOf(who) * 3_600_000, duration: 30 });
    const ap = await json(await c.people[who].post("/meeting/check/approve", { form: { ais: id } }));
    expect(ap.errcode, `approve ${who}`).toBe(code);
    const id2 = await book(c.people["other user"], { roomId, datetime: at(D, 14, 30) + Object.keys(expected).indexOf(who) * 3_600_000, duration: 20 });
    const rj = await json(await c.people[who].post("/meeting/check/reject", { form: { ais: id2, checkInfo: "no" } }));
    expect(rj.errcode, `reject ${who}`).toBe(code);
    if (code !== 0) {
      expect((await history("user", 2)).map((h) => h.appointId), who).toContain(id);
      expect((await history("other user", 2)).map((h) => h.appointId), who).toContain(id2);
    }
  }
});

test("while auto-review is on, manual review answers 1009 and changes nothing", async () => {
  const id = await book(c.people.user, { roomId: rooms["逸夫楼101"].roomId, datetime: at(D, 20), duration: 30 });
  await setProperties(c.people["super admin"], { check: true });
  try {
    const before = await fingerprint(c.people["super admin"]);
    for (const [path, form] of [["approve", { ais: id }], ["reject", { ais: id, checkInfo: "x" }]] as const) {
      expect(await json(await c.people.admin.post(`/meeting/check/${path}`, { form }))).toEqual({ errcode: 1009, errmsg: "自动审核运行中，人工审核停用" });
    }
    expect(await fingerprint(c.people["super admin"])).toBe(before);
  } finally {
    await setProperties(c.people["super admin"], { check: false });
  }
});

test("bad input of the review endpoints: 2007 / 4002 / 2005 / 2004, nothing changed", async () => {
  const admin = c.people.admin;
  const id = await book(c.people.user, { roomId: rooms["逸夫楼101"].roomId, datetime: at(D, 21), duration: 30 });
  const before = await fingerprint(c.people["super admin"]);
  const approveCases: [string, Record<string, string> | undefined, number][] = [
    ["missing ais", undefined, 2007],
    ["text ais", { ais: "abc" }, 2007],
    ["negative ais", { ais: "-1" }, 2007],
    ["fractional ais", { ais: `${id},1.5` }, 2007],
    ["unknown id", { ais: `${id},987654321` }, 2007],
    ["empty ais", { ais: "" }, 2005],
  ];
  for (const [name, form, code] of approveCases) {
    const res = await json(await admin.post("/meeting/check/approve", form ? { form } : {}));
    expect(res.errcode, name).toBe(code);
    if (code === 2007) expect(res.errmsg).toBe("预约号参数为空或不合法");
  }
  const rejectCases: [string, Record<string, string>, number, string?][] = [
    ["missing ais", { checkInfo: "x" }, 2007],
    ["unknown id", { ais: "987654321", checkInfo: "x" }, 2007],
    ["missing reason", { ais: String(id) }, 4002, "数据格式有误(checkInfo: 缺少参数)"],
    ["blank reason", { ais: String(id), checkInfo: "   " }, 4002, "数据格式有误(checkInfo: 不能为空)"],
    ["reason over 200", { ais: String(id), checkInfo: "因".repeat(201) }, 4002, "数据格式有误(checkInfo: 不能超过200个字符)"],
    ["empty ais", { ais: "", checkInfo: "x" }, 2004],
  ];
  for (const [name, form, code, errmsg] of rejectCases) {
    const res = await json(await admin.post("/meeting/check/reject", { form }));
    expect(res.errcode, name).toBe(code);
    if (errmsg) expect(res.errmsg, name).toBe(errmsg);
  }
  for (const q of ["", "page=1", "page=x&size=10", "page=1&size=-1", "page=1&size=1001"]) {
    expect((await json(await admin.get(`/meeting/check/all?${q}`))).errcode, q).toBe(4002);
  }
  expect(await fingerprint(c.people["super admin"])).toBe(before);
});
