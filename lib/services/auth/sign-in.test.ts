import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/crypto/password";
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

describe("demo sign-in", () => {
  useTestDb();

  it("is refused unless DEMO_LOGIN=1, and then only for seeded demo users", async () => {
    const { signInDemoUser, listDemoUsers } = await import("./sign-in-demo-user");
    const { ensureBaseData } = await import("@/lib/db/seed");
    const { getDb } = await import("@/lib/db");
    const { resetEnvForTests } = await import("@/lib/env");
    await ensureBaseData(await getDb(), { demo: true });
    try {
      process.env.DEMO_LOGIN = "0";
      resetEnvForTests();
      expect(codeOf(await signInDemoUser("2020123456").catch((e) => e))).toBe(3001);
      expect(await listDemoUsers()).toEqual([]);
      process.env.DEMO_LOGIN = "1";
      resetEnvForTests();
      expect(await signInDemoUser("2020123456")).toMatchObject({ userid: "2020123456" });
      expect((await listDemoUsers()).map((u) => u.name)).toEqual(["李明", "王芳", "张老师", "陈教授"]);
      expect(codeOf(await signInDemoUser("zhangsan").catch((e) => e))).toBe(4002);
    } finally {
      delete process.env.DEMO_LOGIN;
      resetEnvForTests();
    }
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

  it("password: 1002 for anything wrong, every kind of account", async () => {
    await db().db.insert(admins).values({ username: "pwadmin", passwordHash: await hashPassword("correct-horse"), privileged: true });
    const ok = await verifyAdminPassword("PwAdmin", "correct-horse", "addr-1");
    expect(ok).toMatchObject({ username: "pwadmin", privileged: true, sv: 1 });
    expect(codeOf(await verifyAdminPassword("pwadmin", "", "addr-2").catch((e) => e))).toBe(1002);
    expect(codeOf(await verifyAdminPassword("", "x", "addr-3").catch((e) => e))).toBe(1002);
    // Batch-added admins have no password at all.
    await db().db.insert(admins).values({ username: "qr-only", passwordHash: null });
    expect(codeOf(await verifyAdminPassword("qr-only", "qr-only", "addr-4").catch((e) => e))).toBe(1002);
  });

  // Small limits, so that the test does few argon2 verifications.
  const limits = {
    pair: { free: 3, firstDelayMs: 60_000, maxDelayMs: 3_600_000, resetAfterMs: 86_400_000 },
    perAddress: 6,
    perUsername: 5,
  };

  it("one (username, client) pair: 3 failures, then a growing wait — concurrent guesses cannot slip through", async () => {
    await db().db.insert(admins).values({ username: "pair", passwordHash: await hashPassword("right-password") });
    const guesses = await Promise.all(Array.from({ length: 6 }, (_, i) => verifyAdminPassword("pair", `guess-${i}`, "addr-p", limits).catch(codeOf)));
    expect(guesses.filter((c) => c === 1002)).toHaveLength(3);
    expect(guesses.filter((c) => c === 4003)).toHaveLength(3);
    // Within the wait even the right password is refused; another client of the same admin is not held up.
    expect(codeOf(await verifyAdminPassword("pair", "right-password", "addr-p", limits).catch((e) => e))).toBe(4003);
    expect(await verifyAdminPassword("pair", "right-password", "addr-q", limits)).toMatchObject({ username: "pair" });
    // After the wait (1 minute, simulated by moving the last failure back), one more try; a failure doubles it.
    const wait = (secs: number) =>
      db().db.execute(sql`update rate_limits set last_hit_at = last_hit_at - make_interval(secs => ${secs}) where key = 'admin-login:pair:pair:addr-p'`);
    await wait(61);
    expect(codeOf(await verifyAdminPassword("pair", "wrong", "addr-p", limits).catch((e) => e))).toBe(1002);
    await wait(61);
    expect(codeOf(await verifyAdminPassword("pair", "right-password", "addr-p", limits).catch((e) => e))).toBe(4003);
    await wait(61);
    expect(await verifyAdminPassword("pair", "right-password", "addr-p", limits)).toMatchObject({ username: "pair" });
    // Success clears the pair: the next failures start from nothing.
    expect(codeOf(await verifyAdminPassword("pair", "wrong", "addr-p", limits).catch((e) => e))).toBe(1002);
  });

  it("failures from everywhere hit the per-username ceiling, but never lock the owner's known browser out", async () => {
    const [row] = await db().db.insert(admins).values({ username: "owner", passwordHash: await hashPassword("owner-password") }).returning();
    for (let i = 0; i < 5; i++) expect(codeOf(await verifyAdminPassword("owner", "guess", `attacker-${i}`, limits).catch((e) => e))).toBe(1002);
    expect(codeOf(await verifyAdminPassword("owner", "owner-password", "attacker-new", limits).catch((e) => e))).toBe(4003);
    // A browser without the known-device cookie waits like everyone else…
    expect(codeOf(await verifyAdminPassword("owner", "owner-password", "home", limits).catch((e) => e))).toBe(4003);
    // …the owner's browser, where they signed in before, gets in.
    expect(await verifyAdminPassword("owner", "owner-password", { address: "office", knownAdminId: row.id }, limits)).toMatchObject({ username: "owner" });
    // A known-device cookie of another admin does not help.
    expect(codeOf(await verifyAdminPassword("owner", "owner-password", { address: "cafe", knownAdminId: row.id + 1000 }, limits).catch((e) => e))).toBe(4003);
  });

  it("one client address spraying usernames is refused after its own ceiling", async () => {
    await db().db.insert(admins).values({ username: "calm", passwordHash: await hashPassword("calm-password") });
    for (let i = 0; i < 6; i++) await verifyAdminPassword(`nobody-${i}`, "x", "addr-busy", limits).catch(codeOf);
    expect(codeOf(await verifyAdminPassword("calm", "calm-password", "addr-busy", limits).catch((e) => e))).toBe(4003);
    expect(await verifyAdminPassword("calm", "calm-password", "addr-calm", limits)).toMatchObject({ username: "calm" });
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
