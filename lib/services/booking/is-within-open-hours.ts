import "server-only";
import { localParts, startOfNextLocalDay } from "@/lib/time";

export interface OpenHours {
  /** Minutes after local midnight. */
  openMinute: number;
  /** Minutes after local midnight; 1440 = 24:00. */
  closeMinute: number;
}

/**
 * THE open-hours rule (submission, search and approval all use it): the period [start, start + duration) lies on one
 * local day, inside [open, close] by the wall clock. Ending exactly at close is fine; ending exactly at the next
 * midnight is fine when close is 24:00. Seconds count, so 21:59:30 + 1 minute does not fit a 22:00 close.
 */
export function isWithinOpenHours(start: Date, durationMinutes: number, hours: OpenHours): boolean {
  if (!Number.isFinite(durationMinutes) || durationMinutes < 1) return false;
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  const nextMidnight = startOfNextLocalDay(start);
  if (end.getTime() > nextMidnight.getTime()) return false;
  const from = wallMinutes(start);
  const to = end.getTime() === nextMidnight.getTime() ? 1440 : wallMinutes(end);
  return from >= hours.openMinute && to <= hours.closeMinute;
}

/** Minutes after local midnight, with seconds and milliseconds as a fraction. */
function wallMinutes(d: Date): number {
  const p = localParts(d);
  const ms = ((d.getTime() % 1000) + 1000) % 1000;
  return p.hour * 60 + p.minute + p.second / 60 + ms / 60_000;
}
