import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { APP_URL } from "../helpers/env";
import { DATE_TIME, disposeRoles, makeRoles, type Role, type Roles } from "../helpers/roles";

let r: Roles;
test.beforeAll(async () => {
  r = await makeRoles("pf");
});
test.afterAll(async () => disposeRoles(r));

const png = () => sharp({ create: { width: 64, height: 48, channels: 3, background: "#3366cc" } }).png().toBuffer();
const upload = (ctx: APIRequestContext, buffer: Buffer, name = "a.png", mimeType = "image/png") =>
  ctx.post("/meeting/profile/upload", { multipart: { upload: { name, mimeType, buffer } } });
const profileOf = async (ctx: APIRequestContext) => (await ctx.get("/meeting/profile")).json();

test.describe("GET /profile", () => {
  test("contract: the legacy Profile shape", async () => {
    const body = await profileOf(r.user);
    expect(body).toEqual({
      errcode: 0,
      errmsg: "ok",
      id: expect.any(Number),
      role: expect.any(Number),
      userid: r.ids.user,
      avatar: expect.any(String),
      name: "测试用户",
      age: expect.any(Number),
      gender: expect.any(Number),
      phone: expect.any(String),
      email: expect.any(String),
    });
  });

  const expected: Record<Role, number> = { anonymous: 3001, user: 0, otherUser: 0, admin: 3001, superAdmin: 3001 };
  for (const [role, code] of Object.entries(expected) as [Role, number][]) {
    test(`authorization: ${role} → ${code}`, async () => {
      const body = await (await r[role].get("/meeting/profile")).json();
      expect(body.errcode).toBe(code);
      if (code === 0) expect(body.userid).toBe(role === "user" ? r.ids.user : r.ids.otherUser);
      else expect(body.errmsg).toBe("请在企业微信客户端打开链接");
    });
  }
});

test.describe("POST /profile", () => {
  test("contract: returns the re-read profile", async () => {
    const res = await r.user.post("/meeting/profile", { form: { gender: "1", age: "20", phone: "13812345678", email: "t@example.com" } });
    expect(await res.json()).toMatchObject({ errcode: 0, errmsg: "ok", userid: r.ids.user, gender: 1, age: 20, phone: "13812345678", email: "t@example.com" });
    // JSON bodies are accepted too (A3).
    const json = await r.user.post("/meeting/profile", { data: { age: 21 } });
    expect(await json.json()).toMatchObject({ errcode: 0, age: 21, gender: 1 });
  });

  test("authorization: only a signed-in user edits, and only their own profile", async () => {
    const before = await profileOf(r.otherUser);
    for (const role of ["anonymous", "admin", "superAdmin"] as Role[]) {
      expect((await (await r[role].post("/meeting/profile", { form: { age: "99" } })).json()).errcode, role).toBe(3001);
    }
    // A user cannot address someone else's row: there is no id parameter to abuse.
    await r.user.post("/meeting/profile", { form: { id: String(before.id), userid: r.ids.otherUser, age: "33" } });
    expect(await profileOf(r.otherUser)).toEqual(before);
  });

  const bad: [string, Record<string, string>, string][] = [
    ["gender out of range", { gender: "3" }, "数据格式有误(gender: 必须是0、1或2)"],
    ["gender wrong type", { gender: "male" }, "数据格式有误(gender: 必须是整数)"],
    ["age out of range", { age: "151" }, "数据格式有误(age: 不能大于150)"],
    ["age negative", { age: "-1" }, "数据格式有误(age: 不能小于0)"],
    ["phone malformed", { phone: "12345" }, "数据格式有误(phone: 电话号码格式不正确（手机号，或带区号的座机号，可加分机号）)"],
    ["phone with letters", { phone: "010-6278abcd" }, "数据格式有误(phone: 电话号码格式不正确（手机号，或带区号的座机号，可加分机号）)"],
    ["email malformed", { email: "not-an-email" }, "数据格式有误(email: 邮箱格式不正确)"],
    ["email oversized", { email: `${"a".repeat(250)}@x.cn` }, "数据格式有误(email: 不能超过254个字符)"],
  ];
  for (const [name, form, errmsg] of bad) {
    test(`bad input: ${name}`, async () => {
      const before = await profileOf(r.user);
      expect(await (await r.user.post("/meeting/profile", { form })).json()).toEqual({ errcode: 4002, errmsg });
      expect(await profileOf(r.user)).toEqual(before);
    });
  }
});

test.describe("POST /profile/upload and GET /avatar/{id}", () => {
  test("contract: URL in errmsg built from APP_URL; the image is served re-encoded with long caching", async () => {
    const res = await r.user.post("/meeting/profile/upload", {
      headers: { "x-forwarded-host": "evil.example" },
      multipart: { upload: { name: "me.png", mimeType: "image/png", buffer: await png() } },
    });
    const body = await res.json();
    expect(body).toEqual({ errcode: 0, errmsg: expect.stringMatching(new RegExp(`^${APP_URL()}/meeting/avatar/[0-9a-f]{32}$`)) });
    const img = await r.anonymous.get(new URL(body.errmsg).pathname);
    expect(img.status()).toBe(200);
    expect(img.headers()["content-type"]).toBe("image/jpeg");
    expect(img.headers()["cache-control"]).toContain("max-age=31536000");
    expect(img.headers()["x-content-type-options"]).toBe("nosniff");
    expect((await sharp(await img.body()).metadata()).format).toBe("jpeg");
    // The profile is unchanged until the URL is saved with POST /profile, which then accepts it.
    expect((await profileOf(r.user)).avatar).not.toBe(body.errmsg);
    expect(await (await r.user.post("/meeting/profile", { form: { avatar: body.errmsg } })).json()).toMatchObject({ errcode: 0, avatar: body.errmsg });
    // Another user cannot adopt it: their own avatar is kept (issue 11 §1.10: any value that is not one of the person's
    // own uploads keeps the current avatar, without an error).
    const theirs = (await profileOf(r.otherUser)).avatar;
    expect(await (await r.otherUser.post("/meeting/profile", { form: { avatar: body.errmsg } })).json()).toMatchObject({ errcode: 0, avatar: theirs });
  });

  const expected: Record<Role, number> = { anonymous: 3001, user: 0, otherUser: 0, admin: 3001, superAdmin: 3001 };
  for (const [role, code] of Object.entries(expected) as [Role, number][]) {
    test(`authorization: ${role} → ${code}`, async () => {
      expect((await (await upload(r[role], await png())).json()).errcode).toBe(code);
    });
  }

  const bad: [string, () => Promise<Parameters<APIRequestContext["post"]>[1]>, { errcode: number; errmsg: string }][] = [
    ["missing file", async () => ({ multipart: { other: "x" } }), { errcode: 4002, errmsg: "数据格式有误(upload: 缺少参数)" }],
    ["text renamed .png", async () => ({ multipart: { upload: { name: "a.png", mimeType: "image/png", buffer: Buffer.from("not an image") } } }), { errcode: 4001, errmsg: "您上传头像的不是图片类型" }],
    ["empty file", async () => ({ multipart: { upload: { name: "a.png", mimeType: "image/png", buffer: Buffer.alloc(0) } } }), { errcode: 4001, errmsg: "您上传头像的不是图片类型" }],
    ["wrong type (a text field)", async () => ({ multipart: { upload: "hello" } }), { errcode: 4002, errmsg: "数据格式有误(upload: 缺少图片文件)" }],
    ["over 3 MB", async () => ({ multipart: { upload: { name: "big.png", mimeType: "image/png", buffer: Buffer.concat([await png(), Buffer.alloc(3 * 1024 * 1024)]) } } }), { errcode: 4002, errmsg: "数据格式有误(upload: 图片大小不能超过3MB)" }],
  ];
  for (const [name, make, expected] of bad) {
    test(`bad input: ${name}`, async () => {
      const before = await profileOf(r.user);
      expect(await (await r.user.post("/meeting/profile/upload", await make())).json()).toEqual(expected);
      expect(await profileOf(r.user)).toEqual(before);
    });
  }

  test("unknown avatar ids are 404", async () => {
    expect((await r.anonymous.get(`/meeting/avatar/${"0".repeat(32)}`)).status()).toBe(404);
    expect((await r.anonymous.get("/meeting/avatar/..%2F..%2Fetc")).status()).toBe(404);
  });
});

test.describe("GET /profile/all", () => {
  test("contract: layui table of UserInfoItem rows with errcode/errmsg inside, ordered by id", async () => {
    const body = await (await r.admin.get("/meeting/profile/all?page=1&size=1000")).json();
    expect(body).toEqual({ code: 0, msg: "", count: expect.any(Number), data: expect.any(Array) });
    expect(body.data).toHaveLength(body.count);
    const ids = body.data.map((u: { id: number }) => u.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const me = body.data.find((u: { userid: string }) => u.userid === r.ids.user);
    expect(me).toEqual({
      errcode: 0,
      errmsg: "ok",
      id: expect.any(Number),
      role: expect.any(Number),
      userid: r.ids.user,
      avatar: expect.any(String),
      name: "测试用户",
      age: expect.any(Number),
      gender: expect.any(Number),
      phone: expect.any(String),
      email: expect.any(String),
      createTime: expect.stringMatching(DATE_TIME),
    });
  });

  test("paging: PageHelper semantics and search", async () => {
    const all = await (await r.admin.get("/meeting/profile/all?page=1&size=1000")).json();
    const page = async (q: string) => (await (await r.admin.get(`/meeting/profile/all?${q}`)).json()).data.map((u: { id: number }) => u.id);
    const ids = all.data.map((u: { id: number }) => u.id);
    expect(await page("page=1&size=2")).toEqual(ids.slice(0, 2));
    // Out-of-range page/size are refused, not clamped (issue 11 §1.5).
    expect(await (await r.admin.get("/meeting/profile/all?page=0&size=2")).json()).toEqual({ errcode: 4002, errmsg: "数据格式有误(page: 不能小于1)" });
    expect(await (await r.admin.get("/meeting/profile/all?page=1&size=1001")).json()).toEqual({ errcode: 4002, errmsg: "数据格式有误(size: 不能大于1000)" });
    const lastStart = Math.floor((ids.length - 1) / 2) * 2;
    expect(await page("page=9999&size=2")).toEqual(ids.slice(lastStart));
    expect(await page("")).toEqual(ids.slice(0, 10));
    expect(await page(`size=1000&q=${r.ids.user}`)).toEqual([all.data.find((u: { userid: string }) => u.userid === r.ids.user).id]);
  });

  const expected: Record<Role, unknown> = {
    anonymous: { errcode: 1005, errmsg: "管理员身份过期，请重新登录" },
    user: { errcode: 1005, errmsg: "管理员身份过期，请重新登录" },
    otherUser: { errcode: 1005, errmsg: "管理员身份过期，请重新登录" },
    admin: { code: 0 },
    superAdmin: { code: 0 },
  };
  for (const [role, body] of Object.entries(expected) as [Role, Record<string, unknown>][]) {
    test(`authorization: ${role}`, async () => {
      expect(await (await r[role].get("/meeting/profile/all?page=1&size=10")).json()).toMatchObject(body);
    });
  }

  const bad: [string, string, string][] = [
    ["page wrong type", "page=x&size=10", "数据格式有误(page: 必须是整数)"],
    ["size wrong type", "page=1&size=1.5", "数据格式有误(size: 必须是整数)"],
    ["size negative", "page=1&size=-1", "数据格式有误(size: 不能小于1)"],
    ["size oversized", "page=1&size=1001", "数据格式有误(size: 不能大于1000)"],
    ["q oversized", `page=1&size=1&q=${"x".repeat(101)}`, "数据格式有误(q: 不能超过100个字符)"],
  ];
  for (const [name, q, errmsg] of bad) {
    test(`bad input: ${name}`, async () => {
      expect(await (await r.admin.get(`/meeting/profile/all?${q}`)).json()).toEqual({ errcode: 4002, errmsg });
    });
  }
});
