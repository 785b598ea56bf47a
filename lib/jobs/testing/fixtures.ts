import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, rooms, settings, STATUS, users } from "@/lib/db/schema";

// Small builders for the maintenance tests: rooms, users and bookings at given instants.

export const MIN = 60_000;
export const DAY = 86_400_000;

export async function resetBookings() {
  const db = await getDb();
  await db.execute(sql`truncate attendees, appointments, outbox, job_state restart identity`);
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

export async function booking(b: {
  roomId: number;
  userId: number;
  start: Date;
  minutes: number;
  status?: number;
  submittedAt?: Date;
  checkInfo?: string;
}) {
  const db = await getDb();
  const [row] = await db
    .insert(appointments)
    .values({
      roomId: b.roomId,
      userId: b.userId,
      participants: 2,
      phone: "13800138000",
      purpose: "test",
      startsAt: b.start,
      endsAt: new Date(b.start.getTime() + b.minutes * MIN),
      status: b.status ?? STATUS.PENDING,
      checkInfo: b.checkInfo ?? "审核中，请耐心等待",
      submittedAt: b.submittedAt ?? new Date(),
    })
    .returning();
  return row;
}

export async function setSettings(s: Partial<typeof settings.$inferInsert>) {
  const db = await getDb();
  await db.update(settings).set({ ...s, updatedAt: sql`now()` }).where(sql`id = 1`);
}

export async function statusOf(id: number) {
  const db = await getDb();
  const [r] = await db.select({ status: appointments.status, checkInfo: appointments.checkInfo }).from(appointments).where(sql`id = ${id}`);
  return r;
}
