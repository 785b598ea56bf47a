import "server-only";
import { and, count, desc, eq, gte, isNotNull, lt } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, rooms, users } from "@/lib/db/schema";

export interface NoShowCounts {
  byUser: { userId: number; userid: string; name: string; count: number }[];
  byRoom: { roomId: number; place: string; count: number }[];
  total: number;
}

/**
 * Bookings released because nobody checked in, with the release in [from, to), per booker and per room, most first
 * (for the dashboard and reports). `no_show_at` survives the later expiry, so old releases still count.
 */
export async function noShowCounts(range: { from: Date; to: Date }, limit = 20): Promise<NoShowCounts> {
  const db = await getDb();
  const where = and(isNotNull(appointments.noShowAt), gte(appointments.noShowAt, range.from), lt(appointments.noShowAt, range.to));
  const n = count();
  const [byUser, byRoom, [total]] = await Promise.all([
    db
      .select({ userId: users.id, userid: users.userid, name: users.name, count: n })
      .from(appointments)
      .innerJoin(users, eq(users.id, appointments.userId))
      .where(where)
      .groupBy(users.id)
      .orderBy(desc(n), users.userid)
      .limit(limit),
    db
      .select({ roomId: rooms.id, place: rooms.place, count: n })
      .from(appointments)
      .innerJoin(rooms, eq(rooms.id, appointments.roomId))
      .where(where)
      .groupBy(rooms.id)
      .orderBy(desc(n), rooms.place)
      .limit(limit),
    db.select({ n: count() }).from(appointments).where(where),
  ]);
  return { byUser, byRoom, total: total.n };
}
