// The campus platform integration through the real server and the real HTTP client: a booking approved in the
// console becomes one platform notice and one calendar entry; the user's cancellation deletes the entry; audit rows
// reach the operation log; exported room sheets are kept in the file center and downloaded through us.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { at, book, client, json, roomsByPlace, runTag, setProperties, superAdmin } from "../helpers/booking";
import { fakeCampus } from "../helpers/campus";
import { SAME_ORIGIN } from "../helpers/auth";

const D = 9; // days ahead: clear of other specs' bookings
let admin: APIRequestContext;
let user: APIRequestContext;
let restore: Record<string, string | number | boolean>;
const userid = `cmp${runTag()}`;

const runMaintenance = async () => {
  const res = await admin.get("/meeting/api/cron/maintenance", { headers: { authorization: `Bearer ${process.env.E2E_SERVER_CRON_SECRET}` } });
  expect(res.status()).toBe(200);
};

test.beforeAll(async () => {
  admin = await superAdmin();
  user = await client({ user: userid });
  restore = await setProperties(admin, { check: false });
});
test.afterAll(async () => {
  await setProperties(admin, restore);
  await Promise.all([admin.dispose(), user.dispose()]);
});

test("approve → one notice and one calendar entry on the platform; cancel → the entry is deleted", async () => {
  const rooms = await roomsByPlace(admin);
  const roomId = Object.values(rooms)[0].roomId;
  const id = await book(user, { roomId, datetime: at(D, 16), duration: 60, purpose: "校园平台联调" });
  expect(await json(await admin.post("/meeting/check/approve", { form: { ais: String(id) } }))).toMatchObject({ errcode: 0 });
  await runMaintenance();
  await expect.poll(async () => (await fakeCampus.outbox()).notices.filter((n) => String(n.body.content).includes(`预约号：${id}\n`)).length).toBe(1);
  await expect.poll(async () => (await fakeCampus.outbox()).schedules.filter((s) => s.content.includes(`【预约#${id}】`)).length).toBe(1);
  const notice = (await fakeCampus.outbox()).notices.find((n) => String(n.body.content).includes(`预约号：${id}\n`))!;
  expect(notice.body).toMatchObject({ userName: userid, title: "会议室预约结果通知", channelCodes: "MC00003" });
  expect(String(notice.body.content)).toContain("用途：校园平台联调");
  const entry = (await fakeCampus.outbox()).schedules.find((s) => s.content.includes(`【预约#${id}】`))!;
  expect(entry.userName).toBe(userid);

  // Running again sends nothing more.
  await runMaintenance();
  expect((await fakeCampus.outbox()).notices.filter((n) => String(n.body.content).includes(`预约号：${id}\n`))).toHaveLength(1);

  const cancel = await user.get(`/meeting/appointment/cancel/${id}`, { maxRedirects: 0, headers: SAME_ORIGIN });
  expect(cancel.status(), await cancel.text()).toBeGreaterThanOrEqual(300);
  expect(cancel.status()).toBeLessThan(400);
  await runMaintenance();
  await expect.poll(async () => (await fakeCampus.outbox()).deletedSchedules).toContain(entry.id);
});

test("an exported room sheet is kept in the platform's file center and downloaded through us", async () => {
  const res = await admin.get("/meeting/rooms/download");
  expect(res.status()).toBe(200);
  const fileId = res.headers()["x-campus-file-id"];
  expect(fileId).toMatch(/^[0-9a-f]{32}$/);
  const local = await res.body();
  const proxied = await admin.get(`/meeting/api/admin/campus/files/${fileId}`);
  expect(proxied.status()).toBe(200);
  expect(Buffer.compare(await proxied.body(), local)).toBe(0);
  // Not signed in: no file. Not ours: no file.
  const anon = await client();
  expect((await json(await anon.get(`/meeting/api/admin/campus/files/${fileId}`))).errcode).toBe(1005);
  expect((await json(await admin.get("/meeting/api/admin/campus/files/0123456789abcdef0123456789abcdef"))).errcode).toBe(4040);
  expect((await json(await admin.get("/meeting/api/admin/campus/files/..%2F..%2Fetc"))).errcode).toBe(4002);
  await anon.dispose();
});

test("console API: overview, connection check, idempotent role/menu registration, notice channel setting", async () => {
  const o = await json(await admin.get("/meeting/api/admin/campus"));
  expect(o).toMatchObject({ errcode: 0, enabled: true, noticeChannels: expect.stringMatching(/both|wecom|campus/) });
  expect(await json(await admin.get("/meeting/api/admin/campus/check"))).toMatchObject({ errcode: 0, ok: true });
  await json(await admin.post("/meeting/api/admin/campus/register"));
  await json(await admin.post("/meeting/api/admin/campus/register"));
  const out = await fakeCampus.outbox();
  expect(out.appRoles.filter((r) => r.code.startsWith("meeting:"))).toHaveLength(2);
  expect(new Set(out.menus.map((m) => m.perms)).size).toBe(out.menus.length);
  expect(await json(await admin.post("/meeting/api/admin/campus/notice-channels", { form: { value: "nonsense" } }))).toMatchObject({ errcode: 4002 });
  expect(await json(await admin.post("/meeting/api/admin/campus/notice-channels", { form: { value: "both" } }))).toMatchObject({ errcode: 0 });
  // Only super admins.
  expect((await json(await user.get("/meeting/api/admin/campus"))).errcode).toBe(1005);
});
