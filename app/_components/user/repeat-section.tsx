"use client";
// The booking form's "重复" part: a rule (daily / weekly / every two weeks / chosen weekdays / explicit dates), an
// end (a date or a count, within the admin's caps), and a preview of every date with the state the submission
// would meet — computed on the server by the same rule functions the submission uses.
import { useEffect, useId, useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { DictKey } from "@/lib/i18n/dictionaries";
import type { OccurrencePreview, OccurrenceState } from "@/lib/types/api";
import { addDays } from "@/lib/zoned-time";
import { ApiError } from "../data/client";
import { useCalendarDay } from "../data/use-calendar";
import { useSeriesPreview } from "../data/use-slot";
import { chip, input, label, Spinner } from "../ui/kit";

export type RepeatRule = "none" | "daily" | "weekly" | "biweekly" | "weekdays" | "dates";

export interface RepeatValue {
  rule: RepeatRule;
  /** `term`: until the last day of the term holding the first date (本学期结束). */
  endBy: "until" | "count" | "term";
  untilDate: string;
  /** With `term`: the term's last day (capped to the admin's weeks), kept by the repeat part as the date changes. */
  termEnd: string | null;
  count: string;
  weekdays: number[];
  dates: string[];
  /** Dates unticked in the preview. */
  skip: string[];
}

export const STATE_META: Record<OccurrenceState, { key: DictKey; className: string; bookable: boolean }> = {
  free: { key: "occFree", className: "bg-success-50 text-success-800 ring-success-300", bookable: true },
  pending: { key: "occPending", className: "bg-warning-50 text-warning-900 ring-warning-300", bookable: true },
  taken: { key: "occTaken", className: "bg-danger-50 text-danger-800 ring-danger-300", bookable: false },
  closed: { key: "occClosed", className: "bg-slate-100 text-slate-700 ring-slate-300", bookable: false },
  "outside-hours": { key: "occOutside", className: "bg-slate-100 text-slate-700 ring-slate-300", bookable: false },
  past: { key: "occPast", className: "bg-slate-100 text-slate-700 ring-slate-300", bookable: false },
};

const RULES: [RepeatRule, DictKey][] = [
  ["none", "repeatNone"],
  ["weekly", "repeatWeekly"],
  ["biweekly", "repeatBiweekly"],
  ["daily", "repeatDaily"],
  ["weekdays", "repeatWeekdays"],
  ["dates", "repeatDates"],
];

export function initialRepeat(date: string): RepeatValue {
  return { rule: "none", endBy: "count", untilDate: addDays(date, 7 * 15), count: "16", termEnd: null, weekdays: [], dates: [], skip: [] };
}

/** The body of /api/series/preview and /api/series for the pattern part. */
export function repeatPayload(r: RepeatValue, date: string) {
  return {
    rule: r.rule,
    firstDate: date,
    ...(r.rule === "dates"
      ? { dates: [...new Set([date, ...r.dates])] }
      : r.endBy === "until"
        ? { untilDate: r.untilDate }
        : r.endBy === "term"
          ? { untilDate: r.termEnd ?? "" }
          : { count: r.count }),
    ...(r.rule === "weekdays" ? { weekdays: r.weekdays } : {}),
  };
}

export function RepeatSection(props: {
  value: RepeatValue;
  onChange: (v: RepeatValue) => void;
  date: string;
  today: string;
  slot: { roomId: number; start: string; duration: number; size: number } | null;
  caps: { maxWeeks: number; maxOccurrences: number };
  /** The preview, for the submit button's count. */
  onPreview: (occurrences: OccurrencePreview[] | null) => void;
}) {
  const { t, locale } = useT();
  const id = useId();
  const v = props.value;
  const set = (patch: Partial<RepeatValue>) => props.onChange({ ...v, ...patch });
  const [extraDate, setExtraDate] = useState(addDays(props.date, 7));
  const weekdayNames = t("weekdayShort").split(",");

  // "本学期结束": offered only when a term holds the first date; its last day, within the admin's weeks, ends the series.
  const term = useCalendarDay(props.date, /^\d{4}-\d{2}-\d{2}$/.test(props.date)).data?.term ?? null;
  const capEnd = addDays(props.date, props.caps.maxWeeks * 7 - 1);
  const termEnd = term ? (term.lastDay < capEnd ? term.lastDay : capEnd) : null;
  const termCapped = term !== null && term.lastDay > capEnd;
  useEffect(() => {
    if (v.endBy !== "term") return;
    if (termEnd === null) props.onChange({ ...v, endBy: "until", termEnd: null });
    else if (v.termEnd !== termEnd) props.onChange({ ...v, termEnd });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v.endBy, v.termEnd, termEnd]);

  // The preview follows the pattern once typing pauses.
  const body = props.slot && v.rule !== "none" ? { ...repeatPayload(v, props.date), roomId: props.slot.roomId, start: props.slot.start, duration: props.slot.duration, size: props.slot.size || 1 } : null;
  const [wanted, setWanted] = useState(body);
  const key = JSON.stringify(body);
  useEffect(() => {
    const h = setTimeout(() => setWanted(body), 400);
    return () => clearTimeout(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const preview = useSeriesPreview(wanted, wanted !== null && !(wanted.rule === "weekdays" && (wanted.weekdays ?? []).length === 0));
  const occurrences = v.rule === "none" ? null : (preview.data?.occurrences ?? null);
  const { onPreview } = props;
  useEffect(() => onPreview(occurrences), [occurrences, onPreview]);

  const fmtDay = new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", weekday: "short", timeZone: "UTC" });
  const day = (d: string) => fmtDay.format(new Date(`${d}T00:00:00Z`));
  const bookable = occurrences?.filter((o) => STATE_META[o.state].bookable) ?? [];
  const chosen = bookable.filter((o) => !v.skip.includes(o.date));

  return (
    <fieldset className="space-y-3" data-testid="repeat">
      <legend className={label}>{t("repeatTitle")}</legend>
      <div className="flex flex-wrap gap-2" role="radiogroup" aria-label={t("repeatTitle")}>
        {RULES.map(([rule, k]) => (
          <button
            key={rule}
            type="button"
            role="radio"
            aria-checked={v.rule === rule}
            className={`${chip} aria-checked:border-brand-600 aria-checked:bg-brand-50 aria-checked:text-brand-700`}
            onClick={() => set({ rule, skip: [] })}
          >
            {t(k)}
          </button>
        ))}
      </div>

      {v.rule === "weekdays" && (
        <div className="flex flex-wrap gap-1.5" role="group" aria-label={t("repeatWeekdays")}>
          {weekdayNames.map((name, i) => {
            const d = i + 1;
            const on = v.weekdays.includes(d);
            return (
              <button
                key={d}
                type="button"
                aria-pressed={on}
                className={`${chip} min-w-11 justify-center aria-pressed:border-brand-600 aria-pressed:bg-brand-600 aria-pressed:text-white`}
                onClick={() => set({ weekdays: on ? v.weekdays.filter((x) => x !== d) : [...v.weekdays, d].sort() })}
              >
                {name}
              </button>
            );
          })}
        </div>
      )}

      {v.rule === "dates" && (
        <div className="space-y-2">
          <ul className="flex flex-wrap gap-1.5">
            {[...new Set([props.date, ...v.dates])].sort().map((d) => (
              <li key={d} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-1 pl-3 pr-1 text-sm">
                {day(d)}
                {d !== props.date && (
                  <button type="button" aria-label={t("repeatRemoveDate", { date: d })} className="rounded-full px-2 text-slate-600 hover:bg-slate-200" onClick={() => set({ dates: v.dates.filter((x) => x !== d) })}>
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
          <div className="flex gap-2">
            <input aria-label={t("repeatDates")} type="date" min={props.today} value={extraDate} onChange={(e) => setExtraDate(e.target.value)} className={input} />
            <button type="button" className={chip} onClick={() => extraDate && set({ dates: [...new Set([...v.dates, extraDate])] })}>
              {t("repeatAddDate")}
            </button>
          </div>
        </div>
      )}

      {v.rule !== "none" && v.rule !== "dates" && (
        <div className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-2">
          <span className="text-sm text-slate-700">{t("repeatEndBy")}</span>
          <div className="flex gap-2" role="radiogroup" aria-label={t("repeatEndBy")}>
            {(["count", "until", ...(termEnd ? (["term"] as const) : [])] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="radio"
                aria-checked={v.endBy === m}
                className={`${chip} aria-checked:border-brand-600 aria-checked:bg-brand-50 aria-checked:text-brand-700`}
                onClick={() => set(m === "term" ? { endBy: m, termEnd } : { endBy: m })}
              >
                {t(m === "count" ? "repeatCount" : m === "until" ? "repeatUntil" : "repeatTermEnd")}
              </button>
            ))}
          </div>
          {v.endBy === "term" && term && termEnd ? (
            <p className="col-span-2 text-sm text-slate-700" data-testid="repeat-term-end">
              {t(termCapped ? "repeatTermEndCapped" : "repeatTermEndNote", { term: term.name, date: day(termEnd), weeks: props.caps.maxWeeks })}
            </p>
          ) : v.endBy === "count" ? (
            <>
              <label htmlFor={`${id}-count`} className="text-sm text-slate-700">
                {t("repeatCount")}
              </label>
              <input id={`${id}-count`} type="number" inputMode="numeric" min={1} max={props.caps.maxOccurrences} value={v.count} onChange={(e) => set({ count: e.target.value })} className={`${input} w-28`} />
            </>
          ) : (
            <>
              <label htmlFor={`${id}-until`} className="text-sm text-slate-700">
                {t("repeatUntil")}
              </label>
              <input id={`${id}-until`} type="date" min={props.date} max={addDays(props.date, props.caps.maxWeeks * 7 - 1)} value={v.untilDate} onChange={(e) => set({ untilDate: e.target.value })} className={input} />
            </>
          )}
        </div>
      )}
      {v.rule !== "none" && <p className="text-xs text-slate-600">{t("repeatCaps", { weeks: props.caps.maxWeeks, n: props.caps.maxOccurrences })}</p>}

      {v.rule !== "none" && (
        <div aria-live="polite" className="rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
          <p className="text-sm font-medium">{t("repeatPreviewTitle")}</p>
          <p className="mb-2 text-xs text-slate-600">{t("repeatPreviewHint")}</p>
          {preview.isFetching ? (
            <Spinner label={t("slotChecking")} />
          ) : preview.error ? (
            <p className="text-sm text-danger-700">{preview.error instanceof ApiError ? preview.error.errmsg : t("errorNetwork")}</p>
          ) : occurrences ? (
            <>
              <p className="mb-2 text-sm font-medium text-slate-800" data-testid="repeat-summary">
                {t("repeatSummary", { n: chosen.length, total: occurrences.length })}
              </p>
              <ul className="max-h-80 divide-y divide-slate-200 overflow-y-auto" data-testid="occurrences">
                {occurrences.map((o) => {
                  const meta = STATE_META[o.state];
                  const checked = meta.bookable && !v.skip.includes(o.date);
                  return (
                    <li key={o.date} data-state={o.state} className="flex min-h-11 items-center justify-between gap-2 py-1.5">
                      <label className="flex items-center gap-2 text-sm">
                        <input
                          type="checkbox"
                          className="size-5 accent-brand-600"
                          disabled={!meta.bookable}
                          checked={checked}
                          onChange={() => set({ skip: checked ? [...v.skip, o.date] : v.skip.filter((x) => x !== o.date) })}
                        />
                        <span className="tabular-nums">{day(o.date)}</span>
                        {o.week !== null && <span className="text-xs text-slate-600">{t("teachingWeek", { n: o.week })}</span>}
                        {o.holiday && <span className="text-xs text-amber-800">{t("holidayNote", { name: o.holiday })}</span>}
                      </label>
                      <span title={o.reason ?? undefined} className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${meta.className}`}>
                        {t(meta.key)}
                        {o.state === "pending" ? ` ×${o.pending}` : ""}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
        </div>
      )}
    </fieldset>
  );
}
