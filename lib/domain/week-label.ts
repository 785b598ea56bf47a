// Pure academic-calendar arithmetic (shared by the server and the booking form). Dates are campus-local `yyyy-MM-dd`.

export interface TermFacts {
  id: number;
  name: string;
  firstDay: string;
  weeks: number;
}

export interface HolidayFacts {
  name: string;
  firstDay: string;
  lastDay: string;
}

export const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"] as const;

const dayNumber = (date: string) => {
  const [y, m, d] = date.split("-").map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
};

export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** Monday of week 1: the Monday of the week holding the term's first day. */
function weekOneMonday(firstDay: string): number {
  const n = dayNumber(firstDay);
  return n - ((weekdayOf(firstDay) + 6) % 7);
}

/** The term's last day (Sunday of its last week). */
export function termLastDay(t: Pick<TermFacts, "firstDay" | "weeks">): string {
  const n = weekOneMonday(t.firstDay) + t.weeks * 7 - 1;
  const d = new Date(n * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** Teaching week of `date` in term `t` (1-based), or null outside the term. */
export function teachingWeek(t: Pick<TermFacts, "firstDay" | "weeks">, date: string): number | null {
  const n = dayNumber(date);
  if (n < dayNumber(t.firstDay)) return null;
  const w = Math.floor((n - weekOneMonday(t.firstDay)) / 7) + 1;
  return w >= 1 && w <= t.weeks ? w : null;
}

export function findTerm<T extends TermFacts>(terms: T[], date: string): T | null {
  return terms.find((t) => teachingWeek(t, date) !== null) ?? null;
}

export interface DayLabel {
  date: string;
  /** `第12周 周二`, or just `周二` outside every term. */
  label: string;
  term: string | null;
  week: number | null;
  weekday: string;
  holiday: string | null;
}

export function dayLabel(terms: TermFacts[], holidays: HolidayFacts[], date: string): DayLabel {
  const weekday = WEEKDAYS[weekdayOf(date)];
  const term = findTerm(terms, date);
  const week = term ? teachingWeek(term, date) : null;
  const holiday = holidays.find((h) => h.firstDay <= date && date <= h.lastDay)?.name ?? null;
  return { date, label: week ? `第${week}周 ${weekday}` : weekday, term: term?.name ?? null, week, weekday, holiday };
}
