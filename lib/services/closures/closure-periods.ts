import "server-only";
import { and, eq, gt, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db";
import { closures } from "@/lib/db/schema";
import { fromLocal, localParts } from "@/lib/time";

export type Closure = typeof closures.$inferSelect;

export interface ClosedPeriod {
  start: number;
  end: number;
  closureId: number;
  reason: string;
}

/** Which closures apply to a room: its own, its building's, and every-room ones. */
export function closureAppliesTo(c: Pick<Closure, "scope" | "roomId" | "building">, room: { id: number; building: string }): boolean {
  return c.scope === "all" || (c.scope === "room" && c.roomId === room.id) || (c.scope === "building" && c.building === room.building);
}

/**
 * The occurrences of closures inside [from, to) (epoch ms). A weekly closure repeats its stretch every 7 local days
 * (same wall-clock times) while an occurrence starts before `repeatUntil`.
 */
export function closedPeriods(list: Closure[], from: number, to: number): ClosedPeriod[] {
  const out: ClosedPeriod[] = [];
  for (const c of list) {
    const s = c.startsAt.getTime();
    const e = c.endsAt.getTime();
    if (!c.repeatWeekly) {
      if (s < to && e > from) out.push({ start: s, end: e, closureId: c.id, reason: c.reason });
      continue;
    }
    const ps = localParts(c.startsAt);
    const pe = localParts(c.endsAt);
    const until = c.repeatUntil ? c.repeatUntil.getTime() : Infinity;
    // Skip whole weeks before `from` (an occurrence is at most 7 days long).
    const week = 7 * 86_400_000;
    let k = Math.max(0, Math.floor((from - e) / week) - 1);
    for (; ; k++) {
      const os = fromLocal(ps.year, ps.month, ps.day + 7 * k, ps.hour * 60 + ps.minute).getTime();
      if (os >= to || os >= until) break;
      const oe = fromLocal(pe.year, pe.month, pe.day + 7 * k, pe.hour * 60 + pe.minute).getTime();
      if (oe > from) out.push({ start: os, end: oe, closureId: c.id, reason: c.reason });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Closures that may have an occurrence inside [from, to), optionally only those that can apply to some rooms. */
export async function loadClosures(
  tx: Tx | Db,
  from: Date,
  to: Date,
  rooms?: { id: number; building: string }[],
): Promise<Closure[]> {
  const when = and(
    lt(closures.startsAt, to),
    or(gt(closures.endsAt, from), and(eq(closures.repeatWeekly, true), or(isNull(closures.repeatUntil), gt(closures.repeatUntil, from)))),
  );
  const where: SQL[] = [when!];
  if (rooms) {
    if (rooms.length === 0) return [];
    const ids = rooms.map((r) => r.id);
    const buildings = [...new Set(rooms.map((r) => r.building))];
    where.push(
      or(
        eq(closures.scope, "all"),
        and(eq(closures.scope, "room"), sql`${closures.roomId} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`),
        and(eq(closures.scope, "building"), sql`${closures.building} in (${sql.join(buildings.map((b) => sql`${b}`), sql`, `)})`),
      )!,
    );
  }
  return tx.select().from(closures).where(and(...where));
}

/** The closed stretches of each room inside [from, to). */
export async function closedPeriodsByRoom(
  tx: Tx | Db,
  rooms: { id: number; building: string }[],
  from: Date,
  to: Date,
): Promise<Map<number, ClosedPeriod[]>> {
  return closedPeriodsForRooms(await loadClosures(tx, from, to, rooms), rooms, from, to);
}

/**
 * The closed stretches of each room inside [from, to), from closures already loaded. Each closure's occurrences are
 * computed once (time-zone arithmetic), not once per room: a campus-wide weekly closure over 2,000 rooms costs one.
 */
export function closedPeriodsForRooms(list: Closure[], rooms: { id: number; building: string }[], from: Date, to: Date): Map<number, ClosedPeriod[]> {
  const map = new Map<number, ClosedPeriod[]>();
  if (list.length === 0) return map;
  const each = list.map((c) => ({ c, periods: closedPeriods([c], from.getTime(), to.getTime()) })).filter((e) => e.periods.length > 0);
  if (each.length === 0) return map;
  for (const r of rooms) {
    const mine: ClosedPeriod[] = [];
    for (const e of each) if (closureAppliesTo(e.c, r)) mine.push(...e.periods);
    // The same order as closedPeriods over the room's list: by start, ties in the list's order (a stable sort).
    if (mine.length) map.set(r.id, mine.sort((a, b) => a.start - b.start));
  }
  return map;
}

/** The closure occurrence that [start, end) of a room runs into, or null. Part of the bookable rule. */
export async function findClosure(tx: Tx | Db, room: { id: number; building: string }, start: Date, end: Date): Promise<ClosedPeriod | null> {
  const hit = (await closedPeriodsByRoom(tx, [room], start, end)).get(room.id);
  return hit?.[0] ?? null;
}
