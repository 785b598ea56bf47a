import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInAsAdmin } from "../helpers/auth";
import { DATE_TIME, disposeRoles, makeRoles, newContext, ROLES, type Role, type Roles } from "../helpers/roles";

let r: Roles;
test.beforeAll(async () => {
  r = await makeRoles("ad");
});
test.afterAll(async () => disposeRoles(r));

interface AdminRow {
  id: number;
  username: string;
  password: string;
  privileged: number;
  createTime: string;
  hasPassword: boolean;
}
const admins = async (): Promise<AdminRow[]> => (await (await r.superAdmin.get("/meeting/admin/all?page=1&size=1000")).json()).data;
const byName = async (name: string) => (await admins()).find((a) => a.username.toLowerCase() === name.toLowerCase());
let n = 0;
const uniqueName = (p: string) => `${p}${Date.now().toString(36)}${++n}`;
async function addAdmin(username = uniqueName("e2e"), privileged = "0", password = "password-123") {
  const res = await r.superAdmin.post("/meeting/admin/add", { form: { username, password, privileged } });
  expect(await res.json()).toEqual({ errcode: 0, errmsg: "添加管理员成功" });
  return (await byName(username))!;
}
const post = async (ctx: APIRequestContext, path: string, form: Record<string, string>) => (await ctx.post(path, { form })).json();

const NO_ADMIN = { errcode: 1005, errmsg: "管理员身份过期，请重新登录" };
const NOT_SUPER = { errcode: 1006, errmsg: "管理员权限不足" };

test.describe("GET /admin/all", () => {
  test("contract: layui rows, password always empty, ordered by id", async () => {
    const body = await (await r.admin.get("/meeting/admin/all?page=1&size=1000")).json();
    expect(body).toMatchObject({ code: 0, msg: "", count: body.data.length });
    for (const row of body.data as AdminRow[]) {
      expect(row).toEqual({ id: expect.any(Number), username: expect.any(String), password: "", privileged: expect.any(Number), createTime: expect.stringMatching(DATE_TIME), hasPassword: expect.any(Boolean), rightsSource: expect.stringMatching(/^(local|campus)$/) });
      expect([0, 1]).toContain(row.privileged);
    }
    expect(body.data.find((a: AdminRow) => a.username === "admin")).toMatchObject({ privileged: 1, hasPassword: true });
    const ids = body.data.map((a: AdminRow) => a.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
    expect(JSON.stringify(body)).not.toMatch(/argon2|password-123/);
  });

  const expected: Record<Role, unknown> = { anonymous: NO_ADMIN, user: NO_ADMIN, otherUser: NO_ADMIN, admin: { code: 0 }, superAdmin: { code: 0 } };
  for (const role of ROLES) {
    test(`authorization: ${role}`, async () => {
      expect(await (await r[role].get("/meeting/admin/all?page=1&size=10")).json()).toMatchObject(expected[role] as Record<string, unknown>);
    });
  }

  for (const [name, q, errmsg] of [
    ["page wrong type", "page=x&size=1", "数据格式有误(page: 必须是整数)"],
    ["size out of range", "page=1&size=-5", "数据格式有误(size: 不能小于1)"],
    ["page below 1", "page=0&size=5", "数据格式有误(page: 不能小于1)"],
    ["size oversized", "page=1&size=5000", "数据格式有误(size: 不能大于1000)"],
  ]) {
    test(`bad input: ${name}`, async () => {
      expect(await (await r.admin.get(`/meeting/admin/all?${q}`)).json()).toEqual({ errcode: 4002, errmsg });
    });
  }
});

test.describe("POST /admin/add", () => {
  test("contract: the new admin can sign in with the password; it is stored hashed", async () => {
    const name = uniqueName("new");
    const row = await addAdmin(name, "1", "secret-pass-1");
    expect(row).toMatchObject({ username: name, password: "", privileged: 1, hasPassword: true });
    const ctx = await newContext();
    await signInAsAdmin(ctx, name, "secret-pass-1");
    expect((await (await ctx.get("/meeting/admin/all?page=1&size=1")).json()).code).toBe(0);
    await ctx.dispose();
  });

  const expected: Record<Role, object> = { anonymous: NO_ADMIN, user: NO_ADMIN, otherUser: NO_ADMIN, admin: NOT_SUPER, superAdmin: { errcode: 0, errmsg: "添加管理员成功" } };
  for (const role of ROLES) {
    test(`authorization: ${role}`, async () => {
      const username = uniqueName("authz");
      expect(await post(r[role], "/meeting/admin/add", { username, password: "password-123", privileged: "0" })).toEqual(expected[role]);
      expect(!!(await byName(username))).toBe(role === "superAdmin");
    });
  }

  const bad: [string, Record<string, string>, object][] = [
    ["username missing", { password: "password-123", privileged: "0" }, { errcode: 4002, errmsg: "数据格式有误(username: 缺少参数)" }],
    ["username empty", { username: "", password: "password-123", privileged: "0" }, { errcode: 4002, errmsg: "数据格式有误(username: 不能为空)" }],
    ["username bad characters", { username: "<b>x</b>", password: "password-123", privileged: "0" }, { errcode: 4002, errmsg: "数据格式有误(username: 只能包含字母、数字、汉字和 _ . @ -)" }],
    ["username oversized", { username: "x".repeat(65), password: "password-123", privileged: "0" }, { errcode: 4002, errmsg: "数据格式有误(username: 不能超过64个字符)" }],
    ["password too short", { username: "okname1", password: "short", privileged: "0" }, { errcode: 4002, errmsg: "数据格式有误(password: 不能少于8个字符)" }],
    ["password missing", { username: "okname1", privileged: "0" }, { errcode: 4002, errmsg: "数据格式有误(password: 缺少参数)" }],
    ["privileged out of range", { username: "okname1", password: "password-123", privileged: "2" }, { errcode: 4002, errmsg: "数据格式有误(privileged: 必须是0或1)" }],
    ["privileged wrong type", { username: "okname1", password: "password-123", privileged: "yes" }, { errcode: 4002, errmsg: "数据格式有误(privileged: 必须是0或1)" }],
    ["reserved name", { username: "自动审核", password: "password-123", privileged: "0" }, { errcode: 1008, errmsg: "管理员用户名为系统保留" }],
    ["name taken (other case)", { username: "ADMIN", password: "password-123", privileged: "0" }, { errcode: 1007, errmsg: "管理员用户名已存在" }],
  ];
  for (const [name, form, expectedBody] of bad) {
    test(`bad input: ${name}`, async () => {
      const before = await admins();
      expect(await post(r.superAdmin, "/meeting/admin/add", form)).toEqual(expectedBody);
      expect(await admins()).toEqual(before);
    });
  }
});

test.describe("POST /admin/batch/add", () => {
  test("contract: WeCom users become admins without a password; existing ones count as done", async () => {
    const body = await post(r.superAdmin, "/meeting/admin/batch/add", { userids: `${r.ids.user},${r.ids.otherUser}`, privileged: "0" });
    expect(body).toEqual({ errcode: 0, errmsg: "添加管理员成功" });
    expect(await byName(r.ids.user)).toMatchObject({ privileged: 0, hasPassword: false, password: "" });
    // Repeated keys, again: nothing changes, still success.
    const before = await admins();
    const again = await r.superAdmin.post("/meeting/admin/batch/add", { data: `userids=${r.ids.user}&userids=${r.ids.otherUser}&privileged=1`, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(await again.json()).toEqual({ errcode: 0, errmsg: "添加管理员成功" });
    expect(await admins()).toEqual(before);
    // Clean up for other tests.
    const ids = before.filter((a) => [r.ids.user, r.ids.otherUser].includes(a.username)).map((a) => String(a.id));
    expect(await post(r.superAdmin, "/meeting/admin/delete", { ids: ids.join(",") })).toEqual({ errcode: 0, errmsg: "删除管理员成功" });
  });

  const expected: Record<Role, object> = { anonymous: NO_ADMIN, user: NO_ADMIN, otherUser: NO_ADMIN, admin: NOT_SUPER, superAdmin: { errcode: 0, errmsg: "添加管理员成功" } };
  for (const role of ROLES) {
    test(`authorization: ${role}`, async () => {
      expect(await post(r[role], "/meeting/admin/batch/add", { userids: "", privileged: "0" })).toEqual(expected[role]);
    });
  }

  const bad: [string, Record<string, string>, object][] = [
    ["userids missing", { privileged: "0" }, { errcode: 4002, errmsg: "数据格式有误(userids: 缺少参数)" }],
    ["privileged missing", { userids: "x" }, { errcode: 4002, errmsg: "数据格式有误(privileged: 必须是0或1)" }],
    ["unknown userid", { userids: "no-such-user-xyz", privileged: "0" }, { errcode: 4002, errmsg: "数据格式有误(userids: 未找到企业微信用户 no-such-user-xyz)" }],
    ["oversized list", { userids: Array.from({ length: 1001 }, (_, i) => `u${i}`).join(","), privileged: "0" }, { errcode: 4002, errmsg: "数据格式有误(userids: 不能超过4000个字符)" }],
  ];
  for (const [name, form, expectedBody] of bad) {
    test(`bad input: ${name}`, async () => {
      const before = await admins();
      expect(await post(r.superAdmin, "/meeting/admin/batch/add", form)).toEqual(expectedBody);
      expect(await admins()).toEqual(before);
    });
  }

  test("自动审核 is skipped: 1011, the others are added", async () => {
    expect(await post(r.superAdmin, "/meeting/admin/batch/add", { userids: `自动审核,${r.ids.otherUser}`, privileged: "0" })).toEqual({ errcode: 1011, errmsg: "部分管理员添加失败" });
    const row = await byName(r.ids.otherUser);
    expect(row).toBeTruthy();
    expect(await byName("自动审核")).toBeUndefined();
    await post(r.superAdmin, "/meeting/admin/delete", { ids: String(row!.id) });
  });
});

test.describe("POST /admin/delete", () => {
  test("contract: deletes, skipping the caller", async () => {
    const a = await addAdmin();
    const b = await addAdmin();
    const self = (await byName("admin"))!;
    expect(await post(r.superAdmin, "/meeting/admin/delete", { ids: `${a.id},${b.id},${self.id}` })).toEqual({ errcode: 0, errmsg: "删除管理员成功" });
    const left = await admins();
    expect(left.map((x) => x.id)).not.toContain(a.id);
    expect(left.map((x) => x.id)).not.toContain(b.id);
    expect(left.map((x) => x.id)).toContain(self.id);
  });

  test("a deleted admin's session loses its rights at once", async () => {
    const a = await addAdmin();
    const ctx = await newContext();
    await signInAsAdmin(ctx, a.username, "password-123");
    await post(r.superAdmin, "/meeting/admin/delete", { ids: String(a.id) });
    expect(await (await ctx.get("/meeting/admin/all?page=1&size=1")).json()).toEqual(NO_ADMIN);
    await ctx.dispose();
  });

  const expected: Record<Role, object> = { anonymous: NO_ADMIN, user: NO_ADMIN, otherUser: NO_ADMIN, admin: NOT_SUPER, superAdmin: { errcode: 0, errmsg: "删除管理员成功" } };
  for (const role of ROLES) {
    test(`authorization: ${role}`, async () => {
      const victim = await addAdmin();
      expect(await post(r[role], "/meeting/admin/delete", { ids: String(victim.id) })).toEqual(expected[role]);
      expect(!!(await byName(victim.username))).toBe(role !== "superAdmin");
    });
  }

  const bad: [string, Record<string, string>, string][] = [
    ["ids missing", {}, "数据格式有误(ids: 缺少参数)"],
    ["ids wrong type", { ids: "a,b" }, "数据格式有误(ids.0: 必须是整数)"],
    ["ids out of range", { ids: "0" }, "数据格式有误(ids.0: 必须是正整数)"],
    ["unknown id with a known one", { ids: "KNOWN,987654" }, "数据格式有误(ids: 管理员 987654 不存在)"],
  ];
  for (const [name, form, errmsg] of bad) {
    test(`bad input: ${name}`, async () => {
      const victim = await addAdmin();
      if (form.ids) form.ids = form.ids.replace("KNOWN", String(victim.id));
      const before = await admins();
      expect(await post(r.superAdmin, "/meeting/admin/delete", form)).toEqual({ errcode: 4002, errmsg });
      expect(await admins()).toEqual(before);
    });
  }
});

test.describe("POST /admin/edit", () => {
  test("contract: edits by id — rename works, empty password keeps it, privilege changes", async () => {
    const a = await addAdmin();
    const renamed = uniqueName("ren");
    expect(await post(r.superAdmin, "/meeting/admin/edit", { id: String(a.id), username: renamed, password: "", privileged: "1" })).toEqual({ errcode: 0, errmsg: "修改管理员成功" });
    expect(await byName(renamed)).toMatchObject({ id: a.id, privileged: 1, hasPassword: true });
    const ctx = await newContext();
    await signInAsAdmin(ctx, renamed, "password-123");
    await ctx.dispose();
  });

  test("a password change ends that admin's sessions; the new password works", async () => {
    const a = await addAdmin();
    const ctx = await newContext();
    await signInAsAdmin(ctx, a.username, "password-123");
    expect(await post(r.superAdmin, "/meeting/admin/edit", { id: String(a.id), username: a.username, password: "changed-pass-9" })).toMatchObject({ errcode: 0 });
    expect(await (await ctx.get("/meeting/admin/all?page=1&size=1")).json()).toEqual(NO_ADMIN);
    await signInAsAdmin(ctx, a.username, "changed-pass-9");
    await ctx.dispose();
  });

  test("authorization: others' rows need a super admin; one's own row is allowed without privilege change", async () => {
    const victim = await addAdmin();
    const form = (u: string) => ({ id: String(victim.id), username: u, privileged: "1" });
    for (const role of ["anonymous", "user", "otherUser"] as Role[]) expect(await post(r[role], "/meeting/admin/edit", form("x1"))).toEqual(NO_ADMIN);
    expect(await post(r.admin, "/meeting/admin/edit", form("x2"))).toEqual(NOT_SUPER);
    // The legacy takeover: a normal admin submitting the super admin's name for their own id.
    const me = (await byName(r.ids.admin))!;
    expect(await post(r.admin, "/meeting/admin/edit", { id: String(me.id), username: "admin", password: "hijack-pass-1" })).toEqual({ errcode: 1007, errmsg: "管理员用户名已存在" });
    expect(await post(r.admin, "/meeting/admin/edit", { id: String(me.id), username: r.ids.admin, privileged: "1" })).toEqual({ errcode: 0, errmsg: "修改管理员成功" });
    expect(await byName(r.ids.admin)).toMatchObject({ privileged: 0 });
    expect(await post(r.superAdmin, "/meeting/admin/edit", form(victim.username))).toEqual({ errcode: 0, errmsg: "修改管理员成功" });
    expect(await byName(victim.username)).toMatchObject({ privileged: 1 });
  });

  const bad: [string, Record<string, string>, object][] = [
    ["id missing", { username: "whatever1" }, { errcode: 4002, errmsg: "数据格式有误(id: 缺少参数)" }],
    ["id wrong type", { id: "abc", username: "whatever1" }, { errcode: 4002, errmsg: "数据格式有误(id: 必须是整数)" }],
    ["unknown id", { id: "987654", username: "whatever1" }, { errcode: 4002, errmsg: "数据格式有误(id: 管理员 987654 不存在)" }],
    ["username empty", { id: "VICTIM", username: "" }, { errcode: 4002, errmsg: "数据格式有误(username: 不能为空)" }],
    ["username taken", { id: "VICTIM", username: "Admin" }, { errcode: 1007, errmsg: "管理员用户名已存在" }],
    ["reserved name", { id: "VICTIM", username: "自动审核" }, { errcode: 1008, errmsg: "管理员用户名为系统保留" }],
    ["password too short", { id: "VICTIM", username: "VNAME", password: "short" }, { errcode: 4002, errmsg: "数据格式有误(password: 不能少于8个字符)" }],
    ["privileged out of range", { id: "VICTIM", username: "VNAME", privileged: "7" }, { errcode: 4002, errmsg: "数据格式有误(privileged: 必须是0或1)" }],
  ];
  for (const [name, raw, expectedBody] of bad) {
    test(`bad input: ${name}`, async () => {
      const victim = await addAdmin();
      const form = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.replace("VICTIM", String(victim.id)).replace("VNAME", victim.username)]));
      const before = await admins();
      expect(await post(r.superAdmin, "/meeting/admin/edit", form)).toEqual(expectedBody);
      expect(await admins()).toEqual(before);
    });
  }
});

test.describe("GET /admin/edit/{id} (page)", () => {
  test("super admins see any row, admins their own; no password is ever rendered", async () => {
    const me = (await byName(r.ids.admin))!;
    const victim = await addAdmin(undefined, "0", "very-secret-pw");
    for (const [ctx, id] of [[r.superAdmin, victim.id], [r.admin, me.id]] as const) {
      const res = await ctx.get(`/meeting/admin/edit/${id}`);
      expect(res.status()).toBe(200);
      const html = await res.text();
      expect(html).toContain(`value="${id}"`);
      expect(html).not.toContain("data-errcode");
      expect(html).not.toMatch(/very-secret-pw|argon2|password-123/);
    }
    const other = await r.admin.get(`/meeting/admin/edit/${victim.id}`);
    expect(await other.text()).toContain('data-errcode="1006"');
  });

  test("without an admin session: to the admin login page", async () => {
    for (const role of ["anonymous", "user"] as Role[]) {
      const res = await r[role].get("/meeting/admin/edit/1", { maxRedirects: 0 });
      expect(res.status(), role).toBe(302);
      expect(res.headers()["location"]).toContain("/meeting/admin/login");
    }
  });

  test("unknown or malformed ids: the error page with 4002", async () => {
    for (const id of ["987654", "abc", "0"]) {
      const html = await (await r.superAdmin.get(`/meeting/admin/edit/${id}`)).text();
      expect(html, id).toContain('data-errcode="4002"');
    }
  });
});
