import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { atLocalMinute, startOfLocalDay } from "@/lib/time";
import type { Db } from "./client";
import { seedDemoRooms } from "./seed-demo-rooms";
import { admins, appointments, rooms, settings, STATUS, users } from "./schema";
import { seedDemoConsole } from "./seed-demo-console";
import { seedDemoSeries } from "./seed-demo-series";

export const SUPER_ADMIN = "admin";

/**
 * What every installation needs: the super admin `admin` and the settings row. Idempotent and safe when several
 * servers start at once (inserts that lose a race do nothing).
 */
export async function ensureBaseData(db: Db, opts: { demo?: boolean } = {}) {
  await db.insert(settings).values({ id: 1 }).onConflictDoNothing();

  const existing = await db.select({ id: admins.id }).from(admins).where(sql`lower(${admins.username}) = ${SUPER_ADMIN}`);
  if (existing.length === 0) {
    const configured = env().ADMIN_PASSWORD;
    const password = configured ?? randomBytes(12).toString("base64url");
    const created = await db
      .insert(admins)
      .values({ username: SUPER_ADMIN, passwordHash: await hashPassword(password), privileged: true })
      .onConflictDoNothing()
      .returning({ id: admins.id });
    if (created.length > 0 && !configured) {
      // Printed exactly once, at the start that created the account.
      console.log(`\n[meeting] Created super admin "${SUPER_ADMIN}" with generated password: ${password}\n` +
        `[meeting] Set ADMIN_PASSWORD before first start to choose it; change it at /meeting/admin/account.\n`);
    }
  }

  if (opts.demo) await seedDemoData(db, { manualReview: env().DEMO_LOGIN });
  if (opts.demo) await seedDemoConsole(db);
  if (opts.demo) await seedDemoRooms(db);
  if (opts.demo) await seedDemoSeries(db);
}

export const DEMO_ROOMS = [
  { place: "逸夫楼101", size: 50 },
  { place: "逸夫楼201", size: 40 },
  { place: "逸夫楼301", size: 35 },
  { place: "逸夫楼401", size: 55 },
  { place: "逸夫楼501", size: 45 },
];

export const DEMO_USERS = [
  { userid: "2020123456", name: "李明", role: 1, gender: 1, phone: "13800138001", email: "liming@campus.example" },
  { userid: "2021654321", name: "王芳", role: 1, gender: 2, phone: "13800138002", email: "wangfang@campus.example" },
  { userid: "zhanglaoshi", name: "张老师", role: 2, gender: 1, phone: "13800138003", email: "zhang@campus.example" },
  { userid: "chenjiaoshou", name: "陈教授", role: 2, gender: 2, phone: "13800138004", email: null },
];

/**
 * Demo rooms, users and bookings in every status, relative to today. Runs only when no demo user exists yet.
 * `manualReview` (the interactive demo, DEMO_LOGIN=1) turns auto-review off so the seeded requests wait for an admin.
 */
export async function seedDemoData(db: Db, opts: { manualReview?: boolean } = {}) {
  await db.transaction(async (tx) => {
    // Serialise concurrent first starts on one Postgres; PGlite ignores contention anyway.
    await tx.execute(sql`select pg_advisory_xact_lock(72430002)`);
    const already = await tx.select({ id: users.id }).from(users).where(sql`${users.userid} = ${DEMO_USERS[0].userid}`);
    if (already.length > 0) return;

    if (opts.manualReview) await tx.update(settings).set({ autoReview: false }).where(sql`${settings.id} = 1`);
    await tx.insert(rooms).values(DEMO_ROOMS).onConflictDoNothing();
    const roomRows = await tx.select().from(rooms);
    const roomId = (place: string) => roomRows.find((r) => r.place === place)!.id;
    const userRows = await tx.insert(users).values(DEMO_USERS).returning();
    const [liming, wangfang, zhang, chen] = userRows;

    const today = startOfLocalDay(new Date());
    const day = (offset: number, minute: number) => atLocalMinute(new Date(today.getTime() + offset * 86400000 + 43200000), minute);
    const booking = (
      user: typeof liming,
      place: string,
      offset: number,
      start: number,
      minutes: number,
      status: number,
      checkInfo: string,
      purpose: string,
      reviewedBy: string | null = null,
    ) => ({
      roomId: roomId(place),
      userId: user.id,
      purpose,
      participants: 10,
      phone: user.phone ?? "13800138000",
      note: null,
      startsAt: day(offset, start),
      endsAt: day(offset, start + minutes),
      status,
      checkInfo,
      reviewedBy,
      reviewedAt: reviewedBy ? new Date() : null,
      submittedAt: new Date(Date.now() - (10 - offset) * 3600000),
    });

    await tx.insert(appointments).values([
      booking(liming, "逸夫楼101", 1, 9 * 60, 90, STATUS.PENDING, "审核中，请耐心等待", "学生会例会"),
      booking(wangfang, "逸夫楼201", 1, 14 * 60, 60, STATUS.PENDING, "审核中，请耐心等待", "社团招新面试"),
      booking(zhang, "逸夫楼301", 2, 10 * 60, 120, STATUS.APPROVED, "admin：成功通过审核", "研究生组会", "admin"),
      booking(chen, "逸夫楼401", 1, 15 * 60, 60, STATUS.APPROVED, "admin：成功通过审核", "学术讲座", "admin"),
      booking(liming, "逸夫楼501", 3, 19 * 60, 60, STATUS.CANCELLED, "预约已取消", "读书分享会"),
      booking(wangfang, "逸夫楼101", 2, 16 * 60, 60, STATUS.REJECTED, "admin：该时段安排了院系活动", "排练", "admin"),
      booking(zhang, "逸夫楼201", -2, 9 * 60, 60, STATUS.EXPIRED, "预约已过期", "课程答疑"),
    ]);
  });
}
