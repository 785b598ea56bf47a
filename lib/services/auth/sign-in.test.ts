import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { control, useFakeWecom } from "@/lib/clients/wecom/testing/use-fake-wecom";
import { useTestDb } from "@/lib/db/testing";
import { admins, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { changeOwnPassword } from "@/lib/services/admins/change-own-password";
import { readSessionAdmin } from "./read-session-admin";
import { signInAdminByWecom } from "./sign-in-admin-by-wecom";
import { signInWecomUser } from "./sign-in-wecom-user";
import { verifyAdminPassword } from "./verify-admin-password";

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : e);

describe("WeCom user sign-in", () => {
  const db = useTestDb();
  const fake = useFakeWecom();
  const code = async (who: object) => ((await control(fake(), "code", who)) as { code: string }).code;
  const userRow = async (userid: string) => (await db().db.select().from(users).where(eq(users.userid, userid)))[0];

  it("creates the user from user/get on first sign-in: role by userid length, missing fields tolerated", async () => {
    await control(fake(), "users", { users: [
      { userid: "2024000001", name: "新同学", department: [3], mobile: "13900000000", email: "x@campus.example", avatar: "https://a/0", gender: "2" },
      { userid: "li-laoshi", name: "新老师", privacyRestricted: true },
    ] });
    const student = await signInWecomUser(await code({ userid: "2024000001" }));
    expect(await userRow("2024000001")).toMatchObject({ id: student.id, name: "新同学", role: 1, gender: 2, phone: "13900000000", email: "x@campus.example", avatar: "https://a/0", departmentIds: [3] });
    await signInWecomUser(await code({ userid: "li-laoshi" }));
    expect(await userRow("li-laoshi")).toMatchObject({ name: "新老师", role: 2, gender: 0, phone: null, email: null, avatar: "" });
  });

  it("refreshes name and departments on later sign-ins and keeps what the user edited", async () => {
    await control(fake(), "users", { userid: "refreshme", name: "旧名", department: [2], mobile: "13700000000" });
    const first = await signInWecomUser(await code({ userid: "refreshme" }));
    await db().db.update(users).set({ phone: "13600000000" }).where(eq(users.id, first.id));
    await control(fake(), "users", { userid: "refreshme", name: "新名", department: [3, 2], mobile: "13700000000" });
    const again = await signInWecomUser(await code({ userid: "refreshme" }));
    expect(again).toEqual(first);
    expect(await userRow("refreshme")).toMatchObject({ name: "新名", departmentIds: [3, 2], phone: "13600000000" });
    // The old spelling of getuserinfo signs in the same person.
    await control(fake(), "config", { legacyShape: true });
    expect(await signInWecomUser(await code({ userid: "refreshme" }))).toEqual(first);
  });

  it("refuses non-members (3002), used codes (3001), and unknown members (1001) without creating anyone", async () => {
    expect(codeOf(await signInWecomUser(await code({ openid: "o-x" })).catch((e) => e))).toBe(3002);
    const c = await code({ userid: "zhangsan" });
    await signInWecomUser(c);
    expect(codeOf(await signInWecomUser(c).catch((e) => e))).toBe(3001);
    expect(codeOf(await signInWecomUser(await code({ userid: "not-in-directory" })).catch((e) => e))).toBe(1001);
    expect(await userRow("not-in-directory")).toBeUndefined();
    await control(fake(), "silent", { paths: ["/cgi-bin/auth/getuserinfo"] });
    const started = Date.now();
    expect(codeOf(await signInWecomUser(await code({ userid: "zhangsan" })).catch((e) => e))).toBe(1001);
    expect(Date.now() - started).toBeLessThan(8000);
    await control(fake(), "silent", { off: true });
  }, 20_000);

  it("two first sign-ins of one person at once create one user", async () => {
    await control(fake(), "users", { userid: "racer", name: "并发" });
    const [a, b] = await Promise.all([signInWecomUser(await code({ userid: "racer" })), signInWecomUser(await code({ userid: "RACER" }))]);
    expect(a.id).toBe(b.id);
    expect((await db().db.select().from(users).where(sql`lower(${users.userid}) = 'racer'`)).length).toBe(1);
  });
});

describe("admin sign-in", () => {
  const db = useTestDb();
  const fake = useFakeWecom();
  const code = async (who: object) => ((await control(fake(), "code", who)) as { code: string }).code;

  it("QR: the admin named like the WeCom userid, case-insensitively; else 1010 / 3002 / 3004", async () => {
    const [row] = await db().db.insert(admins).values({ username: "ZhangSan", passwordHash: null, privileged: false }).returning();
    expect(await signInAdminByWecom(await code({ userid: "zhangsan" }))).toEqual({ id: row.id, username: "ZhangSan", privileged: false, sv: 1 });
    expect(codeOf(await signInAdminByWecom(await code({ userid: "2020000001" })).catch((e) => e))).toBe(1010);
    expect(codeOf(await signInAdminByWecom(await code({ openid: "o" })).catch((e) => e))).toBe(3002);
    expect(codeOf(await signInAdminByWecom("used-or-forged").catch((e) => e))).toBe(3004);
    expect(codeOf(await signInAdminByWecom("").catch((e) => e))).toBe(3001);
  });

  it("password: 1002 for anything wrong, 4003 after 5 failures of one username, success gives its attempt back", async () => {
    await db().db.insert(admins).values({ username: "pwadmin", passwordHash: await hashPassword("correct-horse"), privileged: true });
    const ok = await verifyAdminPassword("PwAdmin", "correct-horse", "addr-1");
    expect(ok).toMatchObject({ username: "pwadmin", privileged: true, sv: 1 });
    expect(codeOf(await verifyAdminPassword("pwadmin", "", "addr-1").catch((e) => e))).toBe(1002);
    expect(codeOf(await verifyAdminPassword("", "x", "addr-1").catch((e) => e))).toBe(1002);
    // Batch-added admins have no password at all.
    await db().db.insert(admins).values({ username: "qr-only", passwordHash: null });
    expect(codeOf(await verifyAdminPassword("qr-only", "qr-only", "addr-1").catch((e) => e))).toBe(1002);

    // Concurrent guesses from many addresses: exactly 5 failures are examined, the rest refused by the throttle,
    // and then even the right password waits for the window to pass.
    await db().db.insert(admins).values({ username: "target", passwordHash: await hashPassword("right-password"), privileged: false });
    const guesses = await Promise.all(Array.from({ length: 8 }, (_, i) => verifyAdminPassword("target", `guess-${i}`, `addr-${10 + i}`).catch(codeOf)));
    expect(guesses.filter((c) => c === 1002)).toHaveLength(5);
    expect(guesses.filter((c) => c === 4003)).toHaveLength(3);
    expect(codeOf(await verifyAdminPassword("target", "right-password", "addr-99").catch((e) => e))).toBe(4003);
    // One address is limited the same way across usernames.
    for (let i = 0; i < 5; i++) await verifyAdminPassword(`nobody-${i}`, "x", "addr-busy").catch(codeOf);
    expect(codeOf(await verifyAdminPassword("pwadmin", "correct-horse", "addr-busy").catch((e) => e))).toBe(4003);
    expect(await verifyAdminPassword("pwadmin", "correct-horse", "addr-calm")).toMatchObject({ username: "pwadmin" });
  });

  it("sessions follow the database: demotion at once, deletion and password change void them", async () => {
    const [row] = await db().db.insert(admins).values({ username: "rights", passwordHash: await hashPassword("password-1"), privileged: true }).returning();
    expect(await readSessionAdmin(row.id, 1)).toEqual({ id: row.id, username: "rights", privileged: true });
    await db().db.update(admins).set({ privileged: false }).where(eq(admins.id, row.id));
    expect(await readSessionAdmin(row.id, 1)).toEqual({ id: row.id, username: "rights", privileged: false });

    await changeOwnPassword(row.id, "password-2");
    expect(await readSessionAdmin(row.id, 1)).toBeNull();
    const fresh = await verifyAdminPassword("rights", "password-2", "addr-x");
    expect(fresh.sv).toBe(2);
    expect(await readSessionAdmin(row.id, 2)).not.toBeNull();
    expect(codeOf(await verifyAdminPassword("rights", "password-1", "addr-x").catch((e) => e))).toBe(1002);

    await db().db.delete(admins).where(eq(admins.id, row.id));
    expect(await readSessionAdmin(row.id, 2)).toBeNull();
    expect(codeOf(await changeOwnPassword(row.id, "password-3").catch((e) => e))).toBe(1005);
  });
});
