import "server-only";
import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/lib/db";
import { appointments, STATUS } from "@/lib/db/schema";
import type { Period } from "./free-windows";
import { overlaps } from "./overlaps";

// Pending requests are visible (without names) so that nobody books "全天空闲" and is rejected minutes later. Small
// queries of their own, kept apart from the search SQL: by room ids and one slot, or one room and one day.

/** How many pending requests of each room overlap [start, end) (rooms with none are absent). */
export async function countPendingOverlaps(roomIds: number[], start: Date, end: Date, executor?: Db | Tx): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const ids = [...new Set(roomIds)].filter((id) => Number.isInteger(id) && id > 0);
  if (ids.length === 0 || end.getTime() <= start.getTime()) return out;
  const db = executor ?? (await getDb());
  const rows = await db
    .select({ roomId: appointments.roomId, n: sql<number>`count(*)::int` })
    .from(appointments)
    .where(and(inArray(appointments.roomId, ids), overlaps(appointments.roomId, start, end, STATUS.PENDING)))
    .groupBy(appointments.roomId);
  for (const r of rows) out.set(r.roomId, Number(r.n));
  return out;
}

/** The periods of a room's pending requests touching [from, to), earliest first (no names: 申请中 on the timeline). */
export async function listPendingPeriods(roomId: number, from: Date, to: Date): Promise<Period[]> {
  const db = await getDb();
  const rows = await db
    .select({ startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .where(overlaps(roomId, from, to, STATUS.PENDING))
    .orderBy(asc(appointments.startsAt));
  return rows.map((r) => ({ start: r.startsAt.getTime(), end: r.endsAt.getTime() }));
}

/**
 * The place of a pending request in the review queue of its slot: 1 + the pending requests of the same room that
 * overlap it and were submitted earlier (review is first come, first served). null when it is not pending.
 */
export async function queuePosition(id: number): Promise<number | null> {
  const db = await getDb();
  const [b] = await db
    .select({ roomId: appointments.roomId, startsAt: appointments.startsAt, endsAt: appointments.endsAt, status: appointments.status, submittedAt: appointments.submittedAt })
    .from(appointments)
    .where(eq(appointments.id, id));
  if (!b || b.status !== STATUS.PENDING) return null;
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(appointments)
    .where(
      and(
        overlaps(b.roomId, b.startsAt, b.endsAt, STATUS.PENDING),
        or(lt(appointments.submittedAt, b.submittedAt), and(eq(appointments.submittedAt, b.submittedAt), lt(appointments.id, id))),
      ),
    );
  return Number(n) + 1;
}
