// Contract tests of the Open API we serve (integrations.md §3) through `next start`: tokens, all 24 endpoints, the
// shared booking rules against the legacy API, and event pushes to a fake subscriber (node:http on 3154).
import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { startFakeSubscriber, type FakeSubscriber } from "../../lib/clients/subscriber/testing/fake-subscriber";
import { generateAesKey } from "../../lib/crypto/dingtalk-callback";
import { signInAsUser } from "../helpers/auth";
import { serverEnv } from "../helpers/env";
import { createAppViaSettingsPage, getToken, openApi, SETTINGS_PAGE } from "../helpers/open-api";

test.describe.configure({ mode: "serial" });

const SUBSCRIBER_PORT = 3154;
let app: { appkey: string; appsecret: string };
let token: string;
let call: ReturnType<typeof openApi>;
let userId: string; // our e2e WeCom user, as the Open API sees them
let adminRequest: APIRequestContext;

const DAY = 86_400_000;
/** hh:mm campus time (UTC+8), `days` from today. */
function at(days: number, hh: number, mm = 0): number {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hh - 8, mm) + days * DAY;
}

test.beforeAll(async ({ browser, playwright }) => {
  const page = await browser.newPage();
  app = await createAppViaSettingsPage(page, "e2e门禁");
  await page.close();
  adminRequest = await playwright.request.newContext({ baseURL: serverEnv("APP_URL") });
  token = await getToken(adminRequest, app.appkey, app.appsecret);
  call = openApi(adminRequest, token);
});

test("gettoken and token errors", async ({ request }) => {
  const wrong = await (await request.get(`/meeting/api/oapi/gettoken?appkey=${app.appkey}&appsecret=nope`)).json();
  expect(wrong).toMatchObject({ success: false, code: 71001 });
  const missing = await (await request.get(`/meeting/api/oapi/gettoken?appkey=${app.appkey}`)).json();
  expect(missing).toMatchObject({ success: false, code: 71005, message: "Lack appsecret arguments" });
  expect(await openApi(request, null)("user/list")).toMatchObject({ success: false, code: 71002 });
  expect(await openApi(request, "0".repeat(40))("user/list")).toMatchObject({ success: false, code: 71003 });
  const ok = await call("user/list");
  expect(ok).toMatchObject({ success: true, code: 10000, message: "", fieldErrors: {} });
});

test("departments: list, get, add, update, remove", async () => {
  const parent = await call("dept/add", { name: "技术部", parentId: "" });
  expect(parent).toEqual({ success: true, code: 10000, message: "", value: { id: expect.stringMatching(/^[0-9A-F]{32}$/), name: "技术部", parentId: "", createdTime: expect.any(Number) }, fieldErrors: {} });
  const child = await call("dept/add", { name: "安卓部", parentId: parent.value.id });
  expect((await call("dept/update", { id: child.value.id, name: "移动部", parentId: "0" })).value).toMatchObject({ name: "移动部", parentId: "" });
  expect((await call("dept/get", { deptId: child.value.id })).value.name).toBe("移动部");
  expect((await call("dept/list")).value.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([parent.value.id, child.value.id]));
  expect(await call("dept/remove", { deptId: child.value.id })).toEqual({ success: true, code: 10000, message: "", fieldErrors: {} });
  expect(await call("dept/get", { deptId: child.value.id })).toMatchObject({ success: false, code: 71010 });
  expect(await call("dept/add", {})).toMatchObject({ success: false, code: 71005, fieldErrors: { name: expect.any(String) } });
});

test("users: list, get, add, update, updateFace, clearFace, remove", async ({ request }) => {
  const add = await call("user/add", { name: "彦祖", account: "yanzu-e2e", phone: "13700000009", email: "yz@example.com", position: "经理" });
  expect(add.value).toEqual({
    id: expect.any(String), name: "彦祖", account: "yanzu-e2e", phone: "13700000009", faceUrl: "", position: "经理",
    email: "yz@example.com", status: 1, memo: "", createdTime: expect.any(Number), departmentId: "", admin: false, isAdmin: false,
  });
  const id = add.value.id;
  expect(await call("user/add", { name: "x", account: "YANZU-E2E" })).toMatchObject({ code: 71006 });
  expect(await call("user/add", { name: "x", account: "other-e2e", phone: "13700000009" })).toMatchObject({ code: 71007 });
  expect(await call("user/add", { name: ["x"], account: "typed" })).toMatchObject({ code: 71008, fieldErrors: { name: expect.any(String) } });
  expect((await call("user/update", { id, position: "总监", admin: true })).value).toMatchObject({ position: "总监", admin: true });
  expect((await call("user/get", { userId: id })).value.position).toBe("总监");
  expect((await call("user/list")).value.some((u: { id: string }) => u.id === id)).toBe(true);

  // A 600×400 PNG of noise is well over the 200 KB minimum.
  const png = await sharp(Buffer.from(Array.from({ length: 600 * 400 * 3 }, () => Math.floor(Math.random() * 256))), { raw: { width: 600, height: 400, channels: 3 } }).png().toBuffer();
  const face = await request.post(`/meeting/api/open/user/updateFace?access_token=${token}`, {
    multipart: { userId: id, file: { name: "face.png", mimeType: "image/png", buffer: png } },
  });
  const faceBody = await face.json();
  expect(faceBody).toMatchObject({ success: true, code: 10000, value: { id, faceUrl: expect.stringContaining("/meeting/avatar/") } });
  const tiny = await request.post(`/meeting/api/open/user/updateFace?access_token=${token}`, {
    multipart: { userId: id, file: { name: "face.png", mimeType: "image/png", buffer: png.subarray(0, 1000) } },
  });
  expect(await tiny.json()).toMatchObject({ success: false, code: 71001, fieldErrors: { file: expect.any(String) } });

  expect(await call("user/ clearFace", { userId: id })).toMatchObject({ success: true });
  expect((await call("user/get", { userId: id })).value.faceUrl).toBe("");
  expect(await call("user/%20clearFace", { userId: id })).toMatchObject({ success: true });
  expect(await call("user/remove", { userId: id })).toEqual({ success: true, code: 10000, message: "", fieldErrors: {} });
  expect(await call("user/get", { userId: id })).toMatchObject({ success: false, code: 71009 });
});

test("rooms: list, get, add, update, remove", async () => {
  const add = await call("room/add", { name: "e2e测试会议室", address: "广州", beginTime: "07:00", endTime: "23:00", capacity: 10, size: 5, longitude: 113.307039, latitude: 23.391208, radius: 500, needAudit: 1, permission: 0 });
  expect(add.value).toEqual({
    id: expect.any(String), departmentId: "", name: "e2e测试会议室", address: "广州", memo: "", beginTime: "07:00", endTime: "23:00",
    capacity: 10, size: 5, longitude: 113.307039, latitude: 23.391208, radius: 500, status: 1, needAudit: 1, permission: 0,
    sceneImage: "", createdTime: expect.any(Number), userIds: [],
    building: "", floor: "", equipment: [], description: "", photos: [], checkInRequired: 0,
  });
  expect((await call("room/update", { id: add.value.id, name: "e2e测试会议室-修改", status: 0, sceneImage: "" })).value).toMatchObject({ name: "e2e测试会议室-修改", status: 0 });
  expect((await call("room/get", { roomId: add.value.id })).value.name).toBe("e2e测试会议室-修改");
  expect((await call("room/list")).value.some((r: { id: string }) => r.id === add.value.id)).toBe(true);
  expect(await call("room/add", { name: "bad", beginTime: "25:00" })).toMatchObject({ code: 71001, fieldErrors: { beginTime: expect.any(String) } });
  expect(await call("room/remove", { roomId: add.value.id })).toMatchObject({ success: true });
  expect(await call("room/get", { roomId: add.value.id })).toMatchObject({ code: 71011 });
});

test("meetings: one booking rule for the Open API and the legacy API (71014 one way, 2003 the other)", async ({ request }) => {
  await signInAsUser(request, "oapi-e2e-user", { name: "开放接口用户", mobile: "13600000001" });
  const me = (await call("user/list")).value.find((u: { account: string }) => u.account === "oapi-e2e-user");
  expect(me).toBeTruthy();
  userId = me.id;
  const room = (await call("room/add", { name: "e2e免审会议室", needAudit: 0, capacity: 20 })).value;

  // Legacy POST /appointment in a room without review: approved at once; the Open API then cannot take the slot.
  const legacy = await request.post("/meeting/appointment", {
    form: { roomId: room.id, datetime: String(at(3, 10)), duration: "60", size: "3", phone: "13600000001", purpose: "组会" },
  });
  expect(await legacy.json()).toEqual({ errcode: 0, errmsg: "ok" });
  const clash = await call("meeting/book", { roomId: room.id, speaker: "张三", subject: "冲突", beginTime: at(3, 10, 30), endTime: at(3, 11, 30), createdId: userId, attendances: [{ userId }] });
  expect(clash).toMatchObject({ success: false, code: 71014 });

  // The other way round.
  const booked = await call("meeting/book", { roomId: room.id, speaker: "张三", subject: "评审会", beginTime: at(3, 14), endTime: at(3, 15), createdId: userId, attendances: [{ userId }], memo: "<p>带材料</p>" });
  expect(booked.value).toMatchObject({ roomId: room.id, speaker: "张三", subject: "评审会", beginTime: at(3, 14), endTime: at(3, 15), checkedState: 1, memo: "<p>带材料</p>" });
  expect(booked.value.attendances).toEqual([expect.objectContaining({ userId, isSigned: 0, signType: 0 })]);
  const legacyClash = await request.post("/meeting/appointment", {
    form: { roomId: room.id, datetime: String(at(3, 14, 30)), duration: "30", size: "2", phone: "13600000001", purpose: "冲突" },
  });
  expect(await legacyClash.json()).toEqual({ errcode: 2003, errmsg: "提交预约失败：该时段已被占用" });

  // The Open API booking shows in the user's legacy history (status 3 = approved).
  const history = await (await request.get("/meeting/history/3")).json();
  expect(JSON.stringify(history)).toContain("评审会");

  // get / list / update / cancel / finish
  expect((await call("meeting/get", { meetingId: booked.value.id })).value.id).toBe(booked.value.id);
  const list = await call("meeting/list", { roomId: room.id });
  expect(list.value.map((m: { subject: string }) => m.subject)).toEqual(["组会", "评审会"]);
  const day = new Date(at(3, 12) + 8 * 3_600_000).toISOString().slice(0, 10);
  expect((await call("meeting/list", { reverseDate: day, roomId: room.id })).value).toHaveLength(2);
  expect((await call("meeting/list", { minTime: `${day} 13:00:00`, maxTime: `${day} 23:00:00`, roomId: room.id })).value).toHaveLength(1);
  const moved = await call("meeting/update", { id: booked.value.id, beginTime: at(3, 16), endTime: at(3, 17), subject: "评审会(改)" });
  expect(moved.value).toMatchObject({ beginTime: at(3, 16), subject: "评审会(改)", checkedState: 1 });
  expect(await call("meeting/ finish", { meetingId: booked.value.id })).toMatchObject({ success: false, code: 71015 });
  expect(await call("meeting/cancel", { meetingId: booked.value.id })).toEqual({ success: true, code: 10000, message: "", fieldErrors: {} });
  expect(await call("meeting/cancel", { meetingId: booked.value.id })).toMatchObject({ code: 71015 });
  expect(await call("meeting/get", { meetingId: "987654" })).toMatchObject({ code: 71012 });
  expect(await call("meeting/book", { roomId: room.id })).toMatchObject({ code: 71005 });
});

test("unknown ids are not found whatever their form; type mismatches name the field; foreign attendances are 71013", async () => {
  // Issue 11 §3.1: a non-numeric id cannot exist either — not found, never 71001.
  expect(await call("user/get", { userId: "NOSUCH" })).toMatchObject({ success: false, code: 71009, fieldErrors: { userId: expect.any(String) } });
  expect(await call("user/get", { userId: 99999999 })).toMatchObject({ code: 71009 });
  expect(await call("room/get", { roomId: "no-such-room" })).toMatchObject({ code: 71011 });
  expect(await call("meeting/get", { meetingId: "M-1" })).toMatchObject({ code: 71012 });
  expect(await call("meeting/get", { meetingId: "1.5" })).toMatchObject({ code: 71012 });
  expect(await call("dept/get", { deptId: "NOSUCH" })).toMatchObject({ code: 71010 });
  expect(await call("user/update", { id: "ghost", name: "x" })).toMatchObject({ code: 71009 });
  expect(await call("room/update", { id: "ghost", name: "x" })).toMatchObject({ code: 71011 });
  // Type mismatches: 71008 naming the field.
  expect(await call("room/add", { name: "类型", userIds: "x" })).toMatchObject({ code: 71008, fieldErrors: { userIds: expect.any(String) } });
  expect(await call("user/get", { userId: ["1"] })).toMatchObject({ code: 71008, fieldErrors: { userId: expect.any(String) } });
  expect(await call("meeting/book", { roomId: "1", speaker: "a", subject: "b", beginTime: at(5, 9), endTime: at(5, 10), createdId: userId, attendances: "x" }))
    .toMatchObject({ code: 71008, fieldErrors: { attendances: expect.any(String) } });
  // Phones follow the one rule: landlines with extension pass, letters do not.
  const phoned = await call("user/add", { name: "座机", account: `landline-${Date.now()}`, phone: "010-62781234 转 8001" });
  expect(phoned).toMatchObject({ success: true, value: { phone: "010-62781234 转 8001" } });
  expect(await call("user/update", { id: phoned.value.id, phone: "call me" })).toMatchObject({ code: 71001, fieldErrors: { phone: expect.any(String) } });

  // §3.2: meeting/update naming an attendance that is not one of this meeting's attendees → 71013.
  const room = (await call("room/add", { name: `e2e出席${Date.now()}`, needAudit: 0, capacity: 20 })).value;
  const book = (h: number) =>
    call("meeting/book", { roomId: room.id, speaker: "张三", subject: `会${h}`, beginTime: at(4, h), endTime: at(4, h + 1), createdId: userId, attendances: [{ userId }] });
  const a = (await book(9)).value;
  const b = (await book(11)).value;
  const own = a.attendances[0].id;
  const foreign = b.attendances[0].id;
  expect(await call("meeting/update", { id: a.id, attendances: [{ userId, id: foreign }] })).toMatchObject({ success: false, code: 71013 });
  expect(await call("meeting/update", { id: a.id, attendances: [{ userId, id: "att-x" }] })).toMatchObject({ success: false, code: 71013 });
  expect(await call("meeting/update", { id: a.id, attendances: [{ userId, id: "987654" }] })).toMatchObject({ success: false, code: 71013 });
  expect((await call("meeting/get", { meetingId: a.id })).value.attendances.map((x: { id: string }) => x.id)).toEqual([own]);
  const kept = await call("meeting/update", { id: a.id, attendances: [{ userId, id: own, name: "张三(到场)" }] });
  expect(kept).toMatchObject({ success: true });
  expect(kept.value.attendances.map((x: { id: string }) => x.id)).toEqual([own]);
});

test.describe("event subscription", () => {
  let sub: FakeSubscriber;
  const aesKey = generateAesKey();
  const subToken = "e2eToken123";
  test.afterAll(async () => sub?.stop());

  test("check_url handshake on the settings page: refused with the reason, then saved; pushes arrive verified", async ({ browser, request }) => {
    sub = await startFakeSubscriber({ port: SUBSCRIBER_PORT, creds: { token: subToken, aesKey: generateAesKey(), ownerKey: app.appkey } });
    const page = await browser.newPage();
    await page.context().request.post("/meeting/login", { form: { username: "admin", password: serverEnv("ADMIN_PASSWORD") } });
    await page.goto(SETTINGS_PAGE);
    const item = page.getByTestId(`app-${app.appkey}`);
    await item.getByLabel("请求网址").fill(sub.url);
    await item.getByLabel("加密 aes_key").fill(aesKey);
    await item.getByLabel("签名 token").fill(subToken);

    // The subscriber holds another aes_key: it cannot read check_url, so the save is refused.
    await item.getByRole("button", { name: "保存" }).click();
    await expect(item.getByRole("alert")).toContainText("回调地址验证失败");
    expect(sub.rejected.length).toBeGreaterThan(0); // it could not read our check_url
    // Too slow.
    sub.setCredentials({ token: subToken, aesKey, ownerKey: app.appkey });
    sub.mode = "slow";
    await item.getByRole("button", { name: "保存" }).click();
    await expect(item.getByRole("alert")).toContainText("1500 ms");
    // Right key, prompt answer.
    sub.mode = "ok";
    sub.received.length = 0;
    sub.rejected.length = 0;
    await item.getByRole("button", { name: "保存" }).click();
    await expect(item.getByRole("status")).toContainText("success");
    expect(sub.received.map((r) => r.event)).toEqual([{ event_type: "check_url" }]);

    // A change through the Open API and one through the legacy API, delivered by the maintenance run.
    const room = (await call("room/add", { name: "e2e推送会议室", needAudit: 0 })).value;
    await signInAsUser(request, "oapi-e2e-user");
    const legacy = await request.post("/meeting/appointment", {
      form: { roomId: room.id, datetime: String(at(4, 9)), duration: "30", size: "1", phone: "13600000001", purpose: "推送测试" },
    });
    expect(await legacy.json()).toMatchObject({ errcode: 0 });
    // No maintenance run here (its auto-review would touch the demo data other specs read): an Open API write kicks
    // the outbox after its response, which sends every due push, the legacy booking's included.
    expect(await call("room/update", { id: room.id, memo: "kick" })).toMatchObject({ success: true });
    await expect.poll(() => sub.received.map((r) => r.event.event_type), { timeout: 15_000 }).toEqual(expect.arrayContaining(["room_add", "book_success", "book_update", "room_update"]));
    const updates = sub.received.filter((r) => r.event.event_type === "book_update").map((r) => r.event.value![0] as { subject: string; checkedState: number; roomId: string });
    expect(updates).toContainEqual(expect.objectContaining({ subject: "推送测试", checkedState: 1, roomId: room.id }));
    const added = sub.received.find((r) => r.event.event_type === "room_add")!.event.value![0];
    expect(added).toMatchObject({ id: room.id, name: "e2e推送会议室", needAudit: 0 });
    expect(sub.rejected).toEqual([]);

    await page.reload();
    await expect(page.getByTestId("deliveries")).toContainText("book_success");
    await expect(page.getByTestId("deliveries")).toContainText("已送达");
    await page.close();
  });
});
