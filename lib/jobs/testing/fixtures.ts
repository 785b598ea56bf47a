import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rooms, settings, STATUS, users } from "@/lib/db/schema";

import { makeBooking, statusOf } from "@/lib/services/testing/fixtures";

// Small builders for the maintenance tests: rooms, users and bookings at given instants.

export const MIN = 60_000;
export const DAY = 86_400_000;
export const HOUR = 60 * MIN;
/** A whole hour about a day ahead: the mixed queue's bookings start whole hours after it. */
export const queueBase = new Date(Math.ceil((Date.now() + DAY) / HOUR) * HOUR);

export async function resetBookings() {
  const db = await getDb();
  await db.execute(sql`truncate attendees, booking_reminders, campus_calendar_entries, appointments, outbox, job_state restart identity`);
}

export async function room(place: string, size = 20) {
  const db = await getDb();
  const [r] = await db.insert(rooms).values({ place, size }).onConflictDoUpdate({ target: rooms.place, set: { size } }).returning();
  return r;
}

export async function user(userid: string) {
  const db = await getDb();
  const [existing] = await db.select().from(users).where(sql`lower(${users.userid}) = lower(${userid})`);
  if (existing) return existing;
  const [u] = await db.insert(users).values({ userid, name: userid }).returning();
  return u;
}

export const booking = makeBooking;

export async function setSettings(s: Partial<typeof settings.$inferInsert>) {
  const db = await getDb();
  await db.update(settings).set({ ...s, updatedAt: sql`now()` }).where(sql`id = 1`);
}

export { statusOf };

/**
 * The auto-review queue of the maintenance tests: two rooms, bookings in every situation, submitted in a known order.
 * Recipients are members of the fake WeCom's directory. Expected after one run (by id order):
 * held APPROVED, late REJECTED (cascade), early APPROVED, backToBack APPROVED, clash REJECTED (taken),
 * otherRoom APPROVED, tooLate EXPIRED — and five messages.
 */
export async function mixedQueue() {
  const at = (hours: number) => new Date(queueBase.getTime() + hours * HOUR);
  const ago = (hours: number) => new Date(Date.now() - hours * HOUR);
  const a = await room("M-A");
  const b = await room("M-B");
  const [li, wang, zhang, chen] = await Promise.all(["2020123456", "2021654321", "zhanglaoshi", "chenjiaoshou"].map(user));
  const held = await booking({ roomId: a.id, userId: chen.id, start: at(6), minutes: 60, status: STATUS.APPROVED, checkInfo: "admin：成功通过审核" });
  // Inserted first but submitted last: first come first served goes by submission, not by id.
  const late = await booking({ roomId: a.id, userId: wang.id, start: at(0.5), minutes: 60, submittedAt: ago(1) });
  const early = await booking({ roomId: a.id, userId: li.id, start: at(0), minutes: 60, submittedAt: ago(5) });
  const backToBack = await booking({ roomId: a.id, userId: zhang.id, start: at(1), minutes: 60, submittedAt: ago(4) });
  const clash = await booking({ roomId: a.id, userId: zhang.id, start: at(6.5), minutes: 60, submittedAt: ago(3) });
  const otherRoom = await booking({ roomId: b.id, userId: wang.id, start: at(0), minutes: 60, submittedAt: ago(2) });
  const tooLate = await booking({ roomId: b.id, userId: li.id, start: ago(0.5), minutes: 60, submittedAt: ago(6) });
  return { held, late, early, backToBack, clash, otherRoom, tooLate };
}

export const MIXED_QUEUE_END_STATE = [STATUS.APPROVED, STATUS.REJECTED, STATUS.APPROVED, STATUS.APPROVED, STATUS.REJECTED, STATUS.APPROVED, STATUS.EXPIRED];
