// Wall-clock arithmetic in a named time zone with no configuration import, so browser code can use it too
// (the booking form turns the campus-local date and time a person picked into the epoch ms the API takes).
// lib/time.ts wraps the same functions with the configured campus zone.

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

export function localPartsIn(d: Date, tz: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(d)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

/** Offset of the zone from UTC at instant d, in minutes. */
function offsetMinutes(d: Date, tz: string): number {
  const p = localPartsIn(d, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which the local wall-clock time (year, month, day, minutes after midnight) occurs in tz. */
export function fromLocalIn(year: number, month: number, day: number, minutes: number, tz: string): Date {
  const guess = Date.UTC(year, month - 1, day, 0, minutes);
  const first = guess - offsetMinutes(new Date(guess), tz) * 60000;
  // A second pass settles instants next to an offset change.
  return new Date(guess - offsetMinutes(new Date(first), tz) * 60000);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `yyyy-MM-dd` of instant d in tz. */
export function isoDateIn(d: Date, tz: string): string {
  const p = localPartsIn(d, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `HH:mm` of instant d in tz. */
export function hhmmIn(d: Date, tz: string): string {
  const p = localPartsIn(d, tz);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** `HH:mm` → minutes after midnight; null when malformed. `24:00` is allowed (a closing time). */
export function parseHhmm(s: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && v <= 1440 ? v : null;
}

/** Minutes after midnight → `HH:mm` (1440 → `24:00`). */
export function minutesToHhmm(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Campus-local `yyyy-MM-dd` + `HH:mm` → epoch ms; null when either is malformed. */
export function localToEpoch(date: string, time: string, tz: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const minutes = parseHhmm(time);
  if (!d || minutes === null) return null;
  return fromLocalIn(Number(d[1]), Number(d[2]), Number(d[3]), minutes, tz).getTime();
}

/** `yyyy-MM-dd` shifted by whole days (calendar arithmetic, zone-free). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
