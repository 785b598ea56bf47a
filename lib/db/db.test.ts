import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { openDb, pgConstraint, pgErrorCode, type DbHandle } from "./client";
import { formatDate, formatDateTime } from "@/lib/time";
import { weekdayOf } from "@/lib/domain/week-label";
import { admins, appointments, appointmentSeries, rooms, settings, STATUS, users } from "./schema";
import { DEMO_ROOMS, ensureBaseData } from "./seed";
import { createTestDb } from "./testing";

const onPostgres = process.env.TEST_DB === "postgres";
const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "drizzle/meta/_journal.json"), "utf8")) as {
  entries: unknown[];
};

async function freshUnmigrated(): Promise<{ open: () => Promise<DbHandle>; cleanup: () => Promise<void> }> {
  if (!onPostgres) return { open: () => openDb({ dataDir: null }), cleanup: async () => {} };
  const base = inject("pgTemplate");
  const name = `empty_${process.pid}_${Date.now()}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    open: () => openDb({ url: u.toString() }),
    cleanup: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

describe("migrations", () => {
  it("apply from an empty database and are recorded once", async () => {
    const fresh = await freshUnmigrated();
    const h = await fresh.open();
    try {
      const applied = await h.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const rows = (applied as unknown as { rows?: { n: number }[] }).rows ?? (applied as unknown as { n: number }[]);
      expect(rows[0].n).toBe(journal.entries.length);
      // Every table is usable.
      await h.db.insert(rooms).values({ place: "A101", size: 10 });
      expect((await h.db.select().from(rooms)).map((r) => r.place)).toEqual(["A101"]);
    } finally {
      await h.close();
    }
    // Opening again runs nothing new and keeps the data.
    if (onPostgres) {
      const again = await fresh.open();
      expect((await again.db.select().from(rooms)).length).toBe(1);
      await again.close();
    }
    await fresh.cleanup();
  });
});

describe("the no-overlap constraint on approved appointments", () => {
  async function setup() {
    const h = await createTestDb();
    const [a, b] = await h.db.insert(rooms).values([{ place: "R1", size: 10 }, { place: "R2", size: 10 }]).returning();
    const [u] = await h.db.insert(users).values({ userid: "u1", name: "U" }).returning();
    const at = (hh: number, mm = 0) => new Date(Date.UTC(2030, 0, 1, hh, mm));
    const book = (roomId: number, from: Date, to: Date, status: number = STATUS.APPROVED) =>
      h.db.insert(appointments).values({ roomId, userId: u.id, participants: 2, phone: "13800138000", startsAt: from, endsAt: to, status }).returning();
    return { h, a, b, at, book };
  }

  it("refuses an overlapping approved appointment of the same room (23P01)", async () => {
    const { h, a, at, book } = await setup();
    await book(a.id, at(9), at(10));
    const err = await book(a.id, at(9, 30), at(10, 30)).catch((e) => e);
    expect(pgErrorCode(err)).toBe("23P01");
    expect(pgConstraint(err)).toBe("appointments_no_overlap");
    const [{ n }] = await h.db.select({ n: count() }).from(appointments);
    expect(n).toBe(1);
    await h.close();
  });

  it("refuses a contained and a containing period", async () => {
    const { h, a, at, book } = await setup();
    await book(a.id, at(9), at(12));
    expect(pgErrorCode(await book(a.id, at(10), at(11)).catch((e) => e))).toBe("23P01");
    expect(pgErrorCode(await book(a.id, at(8), at(13)).catch((e) => e))).toBe("23P01");
    await h.close();
  });

  it("accepts back-to-back periods, other rooms and pending overlaps", async () => {
    const { h, a, b, at, book } = await setup();
    await book(a.id, at(9), at(10));
    await book(a.id, at(10), at(11)); // back-to-back after
    await book(a.id, at(8), at(9)); // back-to-back before
    await book(b.id, at(9), at(10)); // same time, other room
    await book(a.id, at(9), at(10), STATUS.PENDING); // pending does not occupy
    await book(a.id, at(9), at(10), STATUS.REJECTED);
    const [{ n }] = await h.db.select({ n: count() }).from(appointments);
    expect(n).toBe(6);
    await h.close();
  });

  it("refuses approving a pending appointment that overlaps an approved one", async () => {
    const { h, a, at, book } = await setup();
    await book(a.id, at(9), at(10));
    const [p] = await book(a.id, at(9, 30), at(10, 30), STATUS.PENDING);
    const err = await h.db.update(appointments).set({ status: STATUS.APPROVED }).where(eq(appointments.id, p.id)).catch((e) => e);
    expect(pgErrorCode(err)).toBe("23P01");
    await h.close();
  });

  it("refuses an empty or inverted period", async () => {
    const { h, a, at, book } = await setup();
    expect(pgErrorCode(await book(a.id, at(10), at(10)).catch((e) => e))).toBe("23514");
    expect(pgErrorCode(await book(a.id, at(11), at(10)).catch((e) => e))).toBe("23514");
    await h.close();
  });
});

describe("first start", () => {
  it("creates the super admin and default settings, and a restart duplicates nothing", async () => {
    const h = await createTestDb({ seed: false });
    await ensureBaseData(h.db, { demo: true });
    const snapshot = async () => ({
      admins: (await h.db.select({ n: count() }).from(admins))[0].n,
      rooms: (await h.db.select({ n: count() }).from(rooms))[0].n,
      users: (await h.db.select({ n: count() }).from(users))[0].n,
      appointments: (await h.db.select({ n: count() }).from(appointments))[0].n,
      settings: (await h.db.select({ n: count() }).from(settings))[0].n,
      series: (await h.db.select({ n: count() }).from(appointmentSeries))[0].n,
    });
    const first = await snapshot();
    await ensureBaseData(h.db, { demo: true });
    await ensureBaseData(h.db, { demo: false });
    expect(await snapshot()).toEqual(first);
    expect(first.admins).toBe(1);
    expect(first.settings).toBe(1);
    expect(first.rooms).toBe(DEMO_ROOMS.length + 3); // the five legacy demo rooms and seed-demo-rooms.ts's three

    const [s] = await h.db.select().from(settings);
    expect(s).toMatchObject({ openMinute: 480, closeMinute: 1320, autoReview: true, autoReviewInterval: 2, autoClean: true, autoCleanInterval: 7 });
    const [admin] = await h.db.select().from(admins);
    expect(admin).toMatchObject({ username: "admin", privileged: true });
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);

    const statuses = await h.db.selectDistinct({ s: appointments.status }).from(appointments);
    expect(statuses.map((r) => r.s).sort()).toEqual([0, 1, 2, 3, 4]);

    // One weekly series (每周二 19:00–21:00 组会) of a demo user: eight approved Tuesdays from the next one.
    expect(first.series).toBe(1);
    const [series] = await h.db.select().from(appointmentSeries);
    expect(series).toMatchObject({ rule: "weekly", startMinute: 19 * 60, duration: 120, purpose: "组会", count: 8 });
    const dates = await h.db.select({ at: appointments.startsAt, status: appointments.status }).from(appointments).where(eq(appointments.seriesId, series.id));
    expect(dates).toHaveLength(8);
    for (const d of dates) {
      expect(d.status).toBe(3);
      expect(formatDateTime(d.at)).toMatch(/ 19:00$/);
      expect(weekdayOf(formatDate(d.at))).toBe(2);
      expect(d.at.getTime()).toBeGreaterThan(Date.now());
    }
    await h.close();
  });

  it("without demo mode creates no rooms, users or bookings", async () => {
    const h = await createTestDb({ seed: false });
    await ensureBaseData(h.db);
    expect((await h.db.select({ n: count() }).from(rooms))[0].n).toBe(0);
    expect((await h.db.select({ n: count() }).from(users))[0].n).toBe(0);
    await h.close();
  });
});

describe.skipIf(onPostgres)("the embedded database directory", () => {
  it("refuses a second process on the same directory, and admits one after the first closed", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pglite-lock-")), "data");
    const child = () =>
      // react-server: the server modules start with `import "server-only"`, which throws under plain node.
      execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/db/testing/open-dir-child.ts", dir], { encoding: "utf8" }).trim();
    const first = await openDb({ dataDir: dir });
    try {
      const out = child();
      expect(out).toMatch(/^REFUSED /);
      expect(out).toContain("already in use by process");
      await expect(openDb({ dataDir: dir })).rejects.toThrow(/already open in this process/);
    } finally {
      await first.close();
    }
    expect(child()).toBe("OPENED");
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });
});
