// Test data builders for service tests: direct inserts, bypassing the services under test.
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, outbox, rooms, settings, STATUS, users } from "@/lib/db/schema";
import { atLocalMinute, startOfLocalDay } from "@/lib/time";

let seq = 0;
const unique = (prefix: string) => `${prefix}${process.pid}-${Date.now()}-${++seq}`;

export async function makeRoom(opts: { place?: string; size?: number; available?: boolean } = {}) {
  const db = await getDb();
  const [r] = await db
    .insert(rooms)
    .values({ place: opts.place ?? unique("room-"), size: opts.size ?? 20, available: opts.available ?? true })
    .returning();
  return r;
}

export async function makeUser(userid = unique("u")) {
  const db = await getDb();
  const [u] = await db.insert(users).values({ userid, name: `name-${userid}`.slice(0, 60) }).returning();
  return u;
}

/** Local midnight `days` days from today (campus zone). */
export function dayFromToday(days: number): Date {
  return startOfLocalDay(new Date(startOfLocalDay(new Date()).getTime() + days * 86_400_000 + 12 * 3_600_000));
}

/** The instant at hh:mm (local) of the day `days` from today. */
export function at(days: number, hh: number, mm = 0): Date {
  return atLocalMinute(dayFromToday(days), hh * 60 + mm);
}

export async function makeBooking(opts: {
  roomId: number;
  userId: number;
  start: Date;
  minutes: number;
  status?: number;
  submittedAt?: Date;
  participants?: number;
  checkInfo?: string;
}) {
  const db = await getDb();
  const [b] = await db
    .insert(appointments)
    .values({
      roomId: opts.roomId,
      userId: opts.userId,
      purpose: "test",
      participants: opts.participants ?? 2,
      phone: "13800138000",
      startsAt: opts.start,
      endsAt: new Date(opts.start.getTime() + opts.minutes * 60_000),
      status: opts.status ?? STATUS.PENDING,
      checkInfo: opts.checkInfo ?? "审核中，请耐心等待",
      ...(opts.submittedAt ? { submittedAt: opts.submittedAt } : {}),
    })
    .returning();
  return b;
}

export async function setHours(openMinute: number, closeMinute: number, extra: Partial<typeof settings.$inferInsert> = {}) {
  const db = await getDb();
  await db.update(settings).set({ openMinute, closeMinute, ...extra }).where(eq(settings.id, 1));
}

export async function statusOf(id: number) {
  const db = await getDb();
  const [r] = await db.select({ status: appointments.status, checkInfo: appointments.checkInfo }).from(appointments).where(eq(appointments.id, id));
  return r;
}

export async function outboxRows() {
  const db = await getDb();
  return db.select().from(outbox).orderBy(outbox.id);
}

/** A deterministic PRNG (mulberry32) so random tests replay exactly. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] };
}

/** Auto-review on (the default: free requests are approved at submission) or off (requests wait for review). */
export async function setAutoReview(on: boolean) {
  const db = await getDb();
  await db.update(settings).set({ autoReview: on }).where(eq(settings.id, 1));
}
