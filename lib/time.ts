import { env } from "@/lib/env";
import { fromLocalIn, localPartsIn, type LocalParts } from "@/lib/zoned-time";

// Every business computation (open hours, "same day", "today") happens in the campus time zone (APP_TIMEZONE),
// never in the server's own zone.

export type { LocalParts } from "@/lib/zoned-time";

export const zone = () => env().APP_TIMEZONE;

export function localParts(d: Date, tz = zone()): LocalParts {
  return localPartsIn(d, tz);
}

/** The instant at which the local wall-clock time (year, month, day, minutes after midnight) occurs. */
export function fromLocal(year: number, month: number, day: number, minutes = 0, tz = zone()): Date {
  return fromLocalIn(year, month, day, minutes, tz);
}

/** Local midnight of the day containing d. */
export function startOfLocalDay(d: Date, tz = zone()): Date {
  const p = localParts(d, tz);
  return fromLocal(p.year, p.month, p.day, 0, tz);
}

/** Local midnight of the day after the one containing d. */
export function startOfNextLocalDay(d: Date, tz = zone()): Date {
  const p = localParts(d, tz);
  return fromLocal(p.year, p.month, p.day + 1, 0, tz);
}

/** Minutes after local midnight. */
export function localMinuteOfDay(d: Date, tz = zone()): number {
  const p = localParts(d, tz);
  return p.hour * 60 + p.minute;
}

/** The instant `minutes` after local midnight of the day containing `day`. */
export function atLocalMinute(day: Date, minutes: number, tz = zone()): Date {
  const p = localParts(day, tz);
  return fromLocal(p.year, p.month, p.day, minutes, tz);
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `yyyy-MM-dd HH:mm` in the campus zone: the legacy JSON date format. */
export function formatDateTime(d: Date, tz = zone()): string {
  const p = localParts(d, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `yyyy-MM-dd HH:mm:ss` in the campus zone. */
export function formatDateTimeSeconds(d: Date, tz = zone()): string {
  const p = localParts(d, tz);
  return `${formatDateTime(d, tz)}:${pad(p.second)}`;
}

/** `yyyy-MM-dd` in the campus zone. */
export function formatDate(d: Date, tz = zone()): string {
  const p = localParts(d, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `HH:mm` for minutes after midnight (1440 → `24:00`). */
export function formatMinutes(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Parses `yyyy-MM-dd` as a local date; null when malformed or not a real date. */
export function parseLocalDate(s: string, tz = zone()): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const inst = fromLocal(y, mo, d, 0, tz);
  const p = localParts(inst, tz);
  return p.year === y && p.month === mo && p.day === d ? inst : null;
}
