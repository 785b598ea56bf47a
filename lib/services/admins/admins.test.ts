import { asc, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/crypto/password";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { admins, users } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { control, useFakeWecom } from "@/lib/clients/wecom/testing/use-fake-wecom";
import { addAdminSchema, batchAddAdminsSchema, deleteAdminsSchema, editAdminSchema } from "@/lib/validation/admin";
import { addAdmin } from "./add-admin";
import { batchAddAdmins } from "./batch-add-admins";
import { deleteAdmins } from "./delete-admins";
import { editAdmin } from "./edit-admin";
import { getAdmin } from "./get-admin";
import { listAdmins } from "./list-admins";

useTestDb();
const wecom = useFakeWecom();
const errOf = (p: Promise<unknown>) => p.then(() => null, (e) => ({ code: e.code, message: e.message }));
const snapshot = async () => (await getDb()).select().from(admins).orderBy(asc(admins.id));
let root: SessionAdmin;

beforeEach(async () => {
  const db = await getDb();
  await db.execute(sql`truncate admins, users restart identity cascade`);
  const [r] = await db.insert(admins).values({ username: "admin", passwordHash: "x", privileged: true }).returning();
  root = { id: r.id, username: r.username, privileged: true };
});

async function makeAdmin(username: string, privileged: boolean): Promise<SessionAdmin> {
  const { id } = await addAdmin(root, addAdminSchema.parse({ username, password: "password-123", privileged: privileged ? "1" : "0" }));
  return { id, username, privileged };
}

describe("addAdmin", () => {
  it("stores an argon2id hash and never returns it", async () => {
    const a = await makeAdmin("teacher1", false);
    const [row] = await (await getDb()).select().from(admins).where(eq(admins.id, a.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, "password-123")).toBe(true);
    const listed = await listAdmins(root, { size: 0 });
    expect(listed.rows.find((r) => r.id === a.id)).toEqual({
      id: a.id,
      username: "teacher1",
      password: "",
      privileged: 0,
      createTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/),
      hasPassword: true,
      rightsSource: "local",
    });
    expect(JSON.stringify(listed)).not.toContain("argon2");
  });

  it("refuses the reserved name (1008), taken names in any case (1007), and normal admins (1006)", async () => {
    const normal = await makeAdmin("normal1", false);
    const before = await snapshot();
    const add = (actor: SessionAdmin, username: string) =>
      errOf(addAdmin(actor, addAdminSchema.parse({ username, password: "password-123", privileged: "0" })));
    expect(await add(root, "自动审核")).toMatchObject({ code: 1008 });
    expect(await add(root, "ADMIN")).toMatchObject({ code: 1007 });
    expect(await add(root, "Normal1")).toMatchObject({ code: 1007 });
    expect(await add(normal, "someone")).toMatchObject({ code: 1006 });
    expect(await errOf(addAdmin(null as never, addAdminSchema.parse({ username: "x1", password: "password-123", privileged: "1" })))).toMatchObject({ code: 1005 });
    expect(await snapshot()).toEqual(before);
  });

  it("validates input", () => {
    const bad = [
      { username: "ok", password: "short", privileged: "0" },
      { username: "", password: "password-123", privileged: "0" },
      { username: "a b", password: "password-123", privileged: "0" },
      { username: "<script>", password: "password-123", privileged: "0" },
      { username: "x".repeat(65), password: "password-123", privileged: "0" },
      { username: "ok", password: "password-123", privileged: "2" },
      { username: "ok", password: "password-123" },
    ];
    for (const b of bad) expect(addAdminSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });
});

describe("batchAddAdmins", () => {
  beforeEach(async () => {
    await (await getDb()).insert(users).values([{ userid: "2020123456" }, { userid: "ZhangLaoShi" }, { userid: "wang" }]);
  });
  const batch = (actor: SessionAdmin, userids: string, privileged = "0") =>
    batchAddAdmins(actor, batchAddAdminsSchema.parse({ userids, privileged }));

  it("creates password-less admins named after the WeCom userid; existing admins count as done, unchanged", async () => {
    await makeAdmin("wang", true);
    expect(await batch(root, "2020123456,zhanglaoshi,WANG", "0")).toEqual({ added: 2 });
    const rows = await snapshot();
    expect(rows.map((r) => [r.username, r.privileged, r.passwordHash === null])).toEqual([
      ["admin", true, false],
      ["wang", true, false],
      ["2020123456", false, true],
      ["ZhangLaoShi", false, true],
    ]);
    // Repeating the call adds nothing and succeeds.
    expect(await batch(root, "2020123456")).toEqual({ added: 0 });
  });

  it("skips 自动审核 and answers 1011, keeping the others", async () => {
    expect(await errOf(batch(root, "自动审核,wang"))).toMatchObject({ code: 1011, message: "部分管理员添加失败" });
    expect((await snapshot()).map((r) => r.username)).toEqual(["admin", "wang"]);
  });

  it("refuses userids unknown to WeCom with 4002 naming them all, writing nothing", async () => {
    expect(await errOf(batch(root, "wang,ghost,zhangsan,phantom"))).toEqual({
      code: 4002,
      message: "数据格式有误(userids: 未找到企业微信用户 ghost, phantom)",
    });
    expect((await snapshot()).map((r) => r.username)).toEqual(["admin"]);
  });

  it("accepts WeCom members who never signed in here (looked up with user/get, WeCom's spelling kept)", async () => {
    // zhangsan and 2020000001 are members of the fake WeCom's directory but not in our users table.
    expect(await batch(root, "ZHANGSAN,2020000001,wang", "1")).toEqual({ added: 3 });
    expect((await snapshot()).map((r) => [r.username, r.privileged, r.passwordHash === null]).sort()).toEqual([
      ["2020000001", true, true],
      ["admin", true, false],
      ["wang", true, true],
      ["zhangsan", true, true],
    ]);
    // Known users are not looked up again.
    const { log } = (await control(wecom(), "state")) as { log: string[] };
    const lookups = log.filter((l) => l.includes("/cgi-bin/user/get"));
    expect(lookups.some((l) => /userid=ZHANGSAN/i.test(l))).toBe(true);
    expect(lookups.some((l) => /userid=wang\b/.test(l))).toBe(false);
  });

  it("answers 1001 when WeCom cannot be asked, writing nothing", async () => {
    await control(wecom(), "fail-next", { path: "/cgi-bin/user/get", errcode: -1, times: 10 });
    expect(await errOf(batch(root, "wang,zhangsan"))).toMatchObject({ code: 1001 });
    expect((await snapshot()).map((r) => r.username)).toEqual(["admin"]);
  });

  it("an empty list succeeds; normal admins get 1006", async () => {
    expect(await batch(root, "")).toEqual({ added: 0 });
    const normal = await makeAdmin("normal1", false);
    expect(await errOf(batch(normal, "wang"))).toMatchObject({ code: 1006 });
  });
});

describe("deleteAdmins", () => {
  const del = (actor: SessionAdmin, ids: (number | string)[]) => deleteAdmins(actor, deleteAdminsSchema.parse({ ids: ids.map(String) }));

  it("deletes in one transaction and skips the caller", async () => {
    const a = await makeAdmin("aaa", false);
    const b = await makeAdmin("bbb", true);
    expect(await del(root, [a.id, b.id, root.id])).toEqual({ deleted: 2 });
    expect((await snapshot()).map((r) => r.username)).toEqual(["admin"]);
  });

  it("refuses the whole request when one id is unknown (4002 naming it)", async () => {
    const a = await makeAdmin("aaa", false);
    const before = await snapshot();
    expect(await errOf(del(root, [a.id, 9999]))).toEqual({ code: 4002, message: "数据格式有误(ids: 管理员 9999 不存在)" });
    expect(await snapshot()).toEqual(before);
  });

  it("normal admins cannot delete (1006)", async () => {
    const a = await makeAdmin("aaa", false);
    expect(await errOf(del(a, [root.id]))).toMatchObject({ code: 1006 });
  });

  it("never deletes the last super admin, even when two delete each other at once", async () => {
    const b = await makeAdmin("bbb", true);
    const results = await Promise.allSettled([del(root, [b.id]), del(b, [root.id])]);
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason.code).toBe(1005);
    const left = await snapshot();
    expect(left.filter((r) => r.privileged)).toHaveLength(1);
  });

  it("a stale session of a demoted super admin is refused inside the transaction", async () => {
    const b = await makeAdmin("bbb", true);
    await editAdmin(root, editAdminSchema.parse({ id: String(b.id), username: "bbb", privileged: "0" }));
    expect(await errOf(del(b, [root.id]))).toMatchObject({ code: 1006 });
  });
});

describe("editAdmin", () => {
  const edit = (actor: SessionAdmin, raw: Record<string, string>) => editAdmin(actor, editAdminSchema.parse(raw));

  it("edits by id: rename works, an empty password keeps the hash, a new one bumps sessionVersion", async () => {
    const a = await makeAdmin("aaa", false);
    const [before] = (await snapshot()).filter((r) => r.id === a.id);
    await edit(root, { id: String(a.id), username: "aaa2", password: "", privileged: "1" });
    let [row] = (await snapshot()).filter((r) => r.id === a.id);
    expect(row).toMatchObject({ username: "aaa2", privileged: true, passwordHash: before.passwordHash, sessionVersion: 1 });
    await edit(root, { id: String(a.id), username: "aaa2", password: "new-password-1" });
    [row] = (await snapshot()).filter((r) => r.id === a.id);
    expect(row.sessionVersion).toBe(2);
    expect(await verifyPassword(row.passwordHash, "new-password-1")).toBe(true);
    expect(row.privileged).toBe(true);
  });

  it("the legacy takeover is impossible: a normal admin submitting another's name gets 1007, others' rows 1006", async () => {
    const a = await makeAdmin("aaa", false);
    const before = await snapshot();
    expect(await errOf(edit(a, { id: String(a.id), username: "admin", password: "hijacked-123" }))).toMatchObject({ code: 1007 });
    expect(await errOf(edit(a, { id: String(root.id), username: "admin", password: "hijacked-123" }))).toMatchObject({ code: 1006 });
    expect(await snapshot()).toEqual(before);
  });

  it("an admin may edit their own row but not their own privilege", async () => {
    const a = await makeAdmin("aaa", false);
    await edit(a, { id: String(a.id), username: "aaa-renamed", privileged: "1" });
    const [row] = (await snapshot()).filter((r) => r.id === a.id);
    expect(row).toMatchObject({ username: "aaa-renamed", privileged: false });
    await edit(root, { id: String(root.id), username: "admin", privileged: "0" });
    expect((await snapshot())[0].privileged).toBe(true);
  });

  it("refuses 自动审核 (1008), unknown ids (4002), and a demoted admin editing others (1006)", async () => {
    const b = await makeAdmin("bbb", true);
    expect(await errOf(edit(root, { id: String(b.id), username: "自动审核" }))).toMatchObject({ code: 1008 });
    expect(await errOf(edit(root, { id: "9999", username: "x" }))).toEqual({ code: 4002, message: "数据格式有误(id: 管理员 9999 不存在)" });
    // b demotes root (fine, b remains), then nobody can demote b.
    await edit(b, { id: String(root.id), username: "admin", privileged: "0" });
    const demotedRoot = { ...root, privileged: false };
    expect(await errOf(edit(demotedRoot, { id: String(b.id), username: "bbb", privileged: "0" }))).toMatchObject({ code: 1006 });
    expect((await snapshot()).filter((r) => r.privileged).map((r) => r.username)).toEqual(["bbb"]);
  });

  it("concurrent mutual demotion of two super admins leaves one", async () => {
    const b = await makeAdmin("bbb", true);
    await Promise.allSettled([
      edit(root, { id: String(b.id), username: "bbb", privileged: "0" }),
      edit(b, { id: String(root.id), username: "admin", privileged: "0" }),
    ]);
    expect((await snapshot()).filter((r) => r.privileged)).toHaveLength(1);
  });

});

describe("getAdmin", () => {
  it("super admins read any row, admins only their own; never a password", async () => {
    const a = await makeAdmin("aaa", false);
    expect(await getAdmin(root, a.id)).toMatchObject({ id: a.id, username: "aaa", password: "" });
    expect(await getAdmin(a, a.id)).toMatchObject({ id: a.id });
    expect(await errOf(getAdmin(a, root.id))).toMatchObject({ code: 1006 });
    expect(await errOf(getAdmin(root, 9999))).toMatchObject({ code: 4002 });
    expect(await errOf(getAdmin(null as never, a.id))).toMatchObject({ code: 1005 });
  });
});
