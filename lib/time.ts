import { env } from "@/lib/env";

// Every business computation (open hours, "same day", "today") happens in the campus time zone (APP_TIMEZONE),
// never in the server's own zone.

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string) {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, f);
  }
  return f;
}

export const zone = () => env().APP_TIMEZONE;

export function localParts(d: Date, tz = zone()): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(d)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

/** Offset of the zone from UTC at instant d, in minutes. */
function offsetMinutes(d: Date, tz: string): number {
  const p = localParts(d, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which the local wall-clock time (year, month, day, minutes after midnight) occurs. */
export function fromLocal(year: number, month: number, day: number, minutes = 0, tz = zone()): Date {
  const guess = Date.UTC(year, month - 1, day, 0, minutes);
  const first = guess - offsetMinutes(new Date(guess), tz) * 60000;
  // A second pass settles instants next to an offset change.
  return new Date(guess - offsetMinutes(new Date(first), tz) * 60000);
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
