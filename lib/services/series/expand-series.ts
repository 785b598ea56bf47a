import "server-only";
import { badInput } from "@/lib/errors";
import { SERIES_RULES } from "@/lib/validation/series";
import { addDays } from "@/lib/zoned-time";

export type SeriesRule = (typeof SERIES_RULES)[number];

export interface SeriesPattern {
  rule: SeriesRule;
  /** First date, `yyyy-MM-dd` campus-local (for `dates`: ignored, the earliest listed date is first). */
  firstDate: string;
  /** Last date the series may reach, inclusive (a date is enough: "until the end of term" gives one). */
  untilDate?: string | null;
  /** Or: stop after this many occurrences. */
  count?: number | null;
  /** ISO weekdays 1 (Mon) … 7 (Sun), for `weekdays`. */
  weekdays?: number[];
  /** The explicit dates, for `dates`. */
  dates?: string[];
}

export interface SeriesCaps {
  /** How far a series may reach: its dates lie within this many weeks from the first date. */
  maxWeeks: number;
  maxOccurrences: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && addDays(s, 0) === s;
/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * The dates of a series, ascending, or 4002 naming the field at fault. Ends at `untilDate` (inclusive) or after
 * `count` occurrences (whichever the booker gave; both: the earlier end); capped by the admin setting: every date
 * within `maxWeeks` weeks of the first, at most `maxOccurrences` dates.
 */
export function expandSeries(p: SeriesPattern, caps: SeriesCaps): string[] {
  const limitDays = caps.maxWeeks * 7; // dates first .. first + limitDays - 1
  const tooFar = () => badInput("untilDate", `重复预约最长 ${caps.maxWeeks} 周`);
  const tooMany = () => badInput("count", `重复预约最多 ${caps.maxOccurrences} 次`);
  if (p.rule === "dates") {
    const list = [...new Set(p.dates ?? [])];
    if (list.length === 0) throw badInput("dates", "请至少选择一个日期");
    for (const d of list) if (!validDate(d)) throw badInput("dates", "必须是 yyyy-MM-dd");
    list.sort();
    if (list.length > caps.maxOccurrences) throw tooMany();
    if (daysBetween(list[0], list[list.length - 1]) >= limitDays) throw tooFar();
    return list;
  }
  if (!validDate(p.firstDate)) throw badInput("firstDate", "必须是 yyyy-MM-dd");
  const until = p.untilDate ?? null;
  const count = p.count ?? null;
  if (until === null && count === null) throw badInput("untilDate", "请给出结束日期或次数");
  if (until !== null) {
    if (!validDate(until)) throw badInput("untilDate", "必须是 yyyy-MM-dd");
    if (until < p.firstDate) throw badInput("untilDate", "不能早于开始日期");
    if (daysBetween(p.firstDate, until) >= limitDays) throw tooFar();
  }
  if (count !== null && (!Number.isInteger(count) || count < 1)) throw badInput("count", "必须是正整数");
  if (count !== null && count > caps.maxOccurrences) throw tooMany();
  let days: Set<number> | null = null;
  if (p.rule === "weekdays") {
    const w = [...new Set(p.weekdays ?? [])];
    if (w.length === 0) throw badInput("weekdays", "请至少选择一天");
    if (w.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw badInput("weekdays", "必须是 1–7");
    days = new Set(w);
  }
  const out: string[] = [];
  for (let i = 0; ; i++) {
    const date = addDays(p.firstDate, i);
    if (until !== null && date > until) break;
    if (count !== null && out.length >= count) break;
    if (i >= limitDays) {
      // Only a count can run past the cap; an until date was checked above.
      throw tooFar();
    }
    const match =
      p.rule === "daily" ||
      (p.rule === "weekly" && i % 7 === 0) ||
      (p.rule === "biweekly" && i % 14 === 0) ||
      (p.rule === "weekdays" && days!.has(isoWeekday(date)));
    if (match) out.push(date);
  }
  if (out.length === 0) throw badInput("untilDate", "该规则在期限内没有日期");
  if (out.length > caps.maxOccurrences) throw tooMany();
  return out;
}
