// Issue 11 §1 "legacy contract fidelity" at the HTTP level: unknown and malformed paths, static files, the room
// template, null-free legacy JSON with a served default avatar, strict parameters, /room/periods and batch add of
// WeCom members who never signed in. Each test makes its own data.
import ExcelJS from "exceljs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInAsUser } from "../helpers/auth";
import { json, superAdmin } from "../helpers/booking";
import { APP_URL } from "../helpers/env";
import { newContext } from "../helpers/roles";
import { fakeWecom } from "../helpers/wecom";

const tag = `cf${String(Date.now()).slice(-7)}`;
const JSON_ACCEPT = { accept: "application/json" };
const HTML_ACCEPT = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

let user: APIRequestContext;
let admin: APIRequestContext;
test.beforeAll(async () => {
  user = await newContext();
  // A member WeCom tells nothing about (no avatar, mobile or email): what new WeCom apps receive.
  await signInAsUser(user, `${tag}bare`, { name: "无头像", privacyRestricted: true });
  admin = await superAdmin();
});
test.afterAll(async () => {
  await user?.dispose();
  await admin?.dispose();
});

test.describe("unknown paths (§1.3)", () => {
  test("JSON clients and API paths get a JSON 404 in their envelope", async ({ request }) => {
    for (const [path, headers] of [
      ["/meeting/no/such/page", JSON_ACCEPT],
      ["/meeting/no/such/page", {}],
      ["/meeting/api/no-such-endpoint", HTML_ACCEPT],
      ["/meeting/check/no-such", HTML_ACCEPT],
    ] as const) {
      const res = await request.get(path, { headers });
      expect(res.status(), path).toBe(404);
      expect(res.headers()["content-type"]).toContain("application/json");
      expect(await res.json()).toEqual({ errcode: 404, errmsg: "请求的路径不存在" });
    }
    const post = await request.post("/meeting/no/such/thing", { data: { a: 1 } });
    expect(post.status()).toBe(404);
    expect(await post.json()).toMatchObject({ errcode: 404 });
    const open = await request.post("/meeting/api/open/user/get/extra", { data: {} });
    expect(open.status()).toBe(404);
    expect(await open.json()).toEqual({ success: false, code: 71001, message: "Unknown endpoint", fieldErrors: {} });
  });

  test("browsers get the app's own bilingual 404 page with a way home", async ({ browser }) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const res = await page.goto("/meeting/no/such/page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "你访问的页面不存在" })).toBeVisible();
    const home = page.getByRole("link", { name: "返回首页" });
    await expect(home).toHaveAttribute("href", "/meeting");
    expect(await page.content()).not.toContain("This page could not be found");
    await page.screenshot({ path: "e2e/artifacts/contract/not-found-390.png", fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: "e2e/artifacts/contract/not-found-1440.png", fullPage: true });
    await page.getByRole("link", { name: "Switch to English" }).click();
    await page.goto("/meeting/another/missing/page");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to home" })).toBeVisible();
    await page.close();
  });
});

test.describe("malformed paths never give 500 (§1.4)", () => {
  const broken = ["%E4%B8", "%ZZ", "%"];
  test("API paths: 4002 in the envelope", async () => {
    for (const b of broken) {
      for (const path of [`/meeting/appointment/cancel/${b}`, `/meeting/history/${b}`, `/meeting/avatar/${b}`]) {
        const res = await user.get(path, { headers: HTML_ACCEPT });
        expect(res.status(), path).toBeLessThan(500);
        expect(await res.json(), path).toEqual({ errcode: 4002, errmsg: "数据格式有误(path: 路径含有无法解码的字符)" });
      }
      const open = await user.post(`/meeting/api/open/${b}/list`, { data: {} });
      expect(open.status()).toBeLessThan(500);
      expect(await open.json()).toMatchObject({ success: false, code: 71001 });
    }
  });

  test("pages: the 404 page", async () => {
    for (const b of broken) {
      for (const path of [`/meeting/appointment/${b}`, `/meeting/admin/edit/${b}`, `/meeting/history/detail/${b}`, `/meeting/room/${b}/2030-01-01`, `/meeting/room/1/${b}`]) {
        const res = await user.get(path, { headers: HTML_ACCEPT, maxRedirects: 0 });
        expect(res.status(), path).toBe(404);
        expect(await res.text(), path).toContain("你访问的页面不存在");
      }
    }
  });

  test("/room/abc/1 is malformed, not a trip to 1970-01-01", async () => {
    for (const path of ["/meeting/room/abc/1", "/meeting/room/0x10/1767225600000", "/meeting/room/1/1"]) {
      const res = await user.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(200);
      expect(res.headers()["location"]).toBeUndefined();
      expect(/data-errcode="(\d+)"/.exec(await res.text())?.[1], path).toBe("4002");
    }
  });
});

test.describe("static files (§1.8)", () => {
  test("favicon, app icons and web manifest exist under /meeting and the pages link them", async ({ request }) => {
    const ico = await request.get("/meeting/favicon.ico");
    expect(ico.status()).toBe(200);
    expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    const manifest = await request.get("/meeting/manifest.webmanifest");
    expect(manifest.status()).toBe(200);
    const m = await manifest.json();
    expect(m).toMatchObject({ name: "会议室预约", start_url: "/meeting/" });
    for (const icon of [...m.icons.map((i: { src: string }) => i.src), "/meeting/apple-touch-icon.png"]) {
      const res = await request.get(icon);
      expect(res.status(), icon).toBe(200);
      expect(res.headers()["content-type"]).toBe("image/png");
    }
    const html = await (await request.get("/meeting/signin")).text();
    expect(html).toContain('<link rel="icon" href="/meeting/favicon.ico"');
    expect(html).toContain('<link rel="manifest" href="/meeting/manifest.webmanifest"');
    expect(html).toContain('<link rel="apple-touch-icon" href="/meeting/apple-touch-icon.png"');
  });

  test("GET /template.xlsx: the room sheet template, same columns as the export", async ({ request }) => {
    const res = await request.get("/meeting/template.xlsx");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const header = async (bytes: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      return { name: ws.name, header: ws.getRow(1).values, rows: ws.actualRowCount };
    };
    const template = await header(await res.body());
    expect(template).toEqual({ name: "会议室", header: [undefined, "会议室地点", "可容纳人数(单位：人)", "是否开放(0关闭,1开放,不填默认开放)", "楼宇", "楼层", "设备(用、分隔)", "介绍"], rows: 1 });
    const exported = await header(await (await admin.get("/meeting/rooms/download")).body());
    expect(exported.header).toEqual(template.header);
  });
});

test.describe("legacy JSON strings are never null, avatars never empty (§1.1, §1.10)", () => {
  const DEFAULT_AVATAR = () => `${APP_URL()}/meeting/default-avatar.png`;
  const nullKeys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] === null);

  test("GET /profile of a member without avatar, mobile or email", async ({ request }) => {
    const body = await json(await user.get("/meeting/profile"));
    expect(body).toMatchObject({ errcode: 0, userid: `${tag}bare`, phone: "", email: "", avatar: DEFAULT_AVATAR() });
    expect(nullKeys(body)).toEqual([]);
    const img = await request.get(body.avatar.replace(APP_URL(), ""));
    expect(img.status()).toBe(200);
    expect(img.headers()["content-type"]).toBe("image/png");
  });

  test("POST /profile as the legacy page sends it (img src back) saves, keeping the avatar", async () => {
    for (const avatar of [DEFAULT_AVATAR(), `${APP_URL()}/meeting/pages/edit_info.html`, "https://evil.example/x.png"]) {
      const res = await json(await user.post("/meeting/profile", { form: { avatar, gender: "1", age: "30", phone: "0571-8888 8888 转 123", email: "" } }));
      expect(res, avatar).toMatchObject({ errcode: 0, errmsg: "ok", avatar: DEFAULT_AVATAR(), phone: "0571-8888 8888 转 123", email: "", age: 30 });
      expect(nullKeys(res)).toEqual([]);
    }
  });

  test("/profile/all rows and /history, /check/all views carry no null", async () => {
    const all = await json(await admin.get("/meeting/profile/all?page=1&size=1000"));
    const me = all.data.find((u: { userid: string }) => u.userid === `${tag}bare`);
    expect(me).toMatchObject({ avatar: DEFAULT_AVATAR(), email: "" });
    for (const row of all.data) {
      expect(nullKeys(row), row.userid).toEqual([]);
      expect(row.avatar, row.userid).not.toBe("");
    }
    const queue = await json(await admin.get("/meeting/check/all?page=1&size=1000"));
    for (const row of queue.data) expect(nullKeys(row)).toEqual([]);
    for (const status of [0, 1, 2, 3, 4]) {
      const h = await json(await user.get(`/meeting/history/${status}`));
      for (const row of h.history) expect(nullKeys(row)).toEqual([]);
    }
  });
});

test.describe("parameters are refused, not clamped; integers are decimal digits (§1.5, §1.6)", () => {
  test("/history/{statusCode} outside 0–4", async () => {
    for (const code of ["16", "1000", "0x10", "1e3", "-1"]) {
      const body = await json(await user.get(`/meeting/history/${code}`));
      expect(body.errcode, code).toBe(4002);
      expect(body.errmsg).toContain("statusCode");
    }
    expect((await json(await user.get("/meeting/history/4"))).errcode).toBe(0);
  });

  test("page/size out of range on layui lists, and non-decimal integers", async () => {
    const cases: [string, string][] = [
      ["/meeting/check/all?page=0&size=10", "page"],
      ["/meeting/check/all?page=1&size=0", "size"],
      ["/meeting/check/all?page=1&size=1001", "size"],
      ["/meeting/admin/all?page=-1", "page"],
      ["/meeting/profile/all?size=0x10", "size"],
      ["/meeting/profile/all?page=1e3", "page"],
    ];
    for (const [path, field] of cases) {
      const body = await json(await admin.get(path));
      expect(body.errcode, path).toBe(4002);
      expect(body.errmsg, path).toContain(`(${field}:`);
    }
    for (const roomId of ["0b101", "0x10", "1e3", "%205", "5.0"]) {
      const body = await json(await user.get(`/meeting/room/periods?roomId=${roomId}&type=all`));
      expect(body, roomId).toEqual({ errcode: 4002, errmsg: "数据格式有误(roomId: 必须是整数)" });
    }
  });

  test("/room/periods answers the real roomId, also without approvals", async () => {
    const rooms = (await json(await admin.get("/meeting/api/admin/rooms"))).rooms as { roomId: number }[];
    for (const { roomId } of rooms.slice(0, 2)) {
      for (const type of ["that", "all"]) {
        const body = await json(await user.get(`/meeting/room/periods?roomId=${roomId}&type=${type}&date=4102444800000`));
        expect(body, `${roomId} ${type}`).toMatchObject({ errcode: 0, roomId });
      }
    }
  });
});

test("batch add admins accepts WeCom members who never signed in (§1.7)", async () => {
  const fresh = `${tag}wx`;
  await fakeWecom.addUser({ userid: fresh, name: "未登录成员", department: [2] });
  const ghost = `${tag}ghost`;
  const refused = await json(await admin.post("/meeting/admin/batch/add", { form: { userids: `${fresh},${ghost}`, privileged: "0" } }));
  expect(refused).toEqual({ errcode: 4002, errmsg: `数据格式有误(userids: 未找到企业微信用户 ${ghost})` });
  const names = async () => (await json(await admin.get("/meeting/admin/all?page=1&size=1000"))).data.map((a: { username: string }) => a.username);
  expect(await names()).not.toContain(fresh);
  const ok = await json(await admin.post("/meeting/admin/batch/add", { form: { userids: fresh, privileged: "0" } }));
  expect(ok).toEqual({ errcode: 0, errmsg: "添加管理员成功" });
  expect(await names()).toContain(fresh);
});
