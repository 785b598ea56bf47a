"use client";
// The search form and its results. Results come from GET /api/rooms/availability (the server applies every rule);
// the first page of results arrives with the HTML.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { DictKey } from "@/lib/i18n/dictionaries";
import type { Availability } from "@/lib/services/rooms/get-room-availability";
import { hhmmIn } from "@/lib/zoned-time";
import { legacyGet, LegacyError } from "../ui/legacy-fetch";
import { ErrorState, SkeletonCards, Spinner } from "../ui/states";
import { btnPrimary, btnSecondary, card, chip, focusRing, input, label } from "../ui/styles";

export interface SearchPreset {
  key: DictKey;
  date: string;
  start: string;
}

interface Query {
  date: string;
  start: string;
  duration: number;
  size: number;
  roomId: number;
}

const DURATIONS = [30, 60, 90, 120, 180, 240];

export function RoomSearch(props: {
  tz: string;
  today: string;
  rooms: { id: number; place: string; size: number }[];
  presets: SearchPreset[];
  initial: Query;
  initialData: Availability;
}) {
  const { t } = useT();
  const ids = useId();
  const [form, setForm] = useState({
    date: props.initial.date,
    start: props.initial.start,
    duration: String(props.initial.duration),
    size: "",
    roomId: "0",
  });
  const [query, setQuery] = useState<Query>(props.initial);

  const result = useQuery({
    queryKey: ["availability", query],
    queryFn: () =>
      legacyGet<Availability>("/api/rooms/availability", {
        date: query.date,
        start: query.start || undefined,
        duration: query.duration,
        size: query.size || undefined,
        roomId: query.roomId || undefined,
      }),
    initialData: query === props.initial ? { ...props.initialData, errcode: 0, errmsg: "ok" } : undefined,
    placeholderData: keepPreviousData,
  });

  const run = (next: typeof form) => {
    setQuery({
      date: next.date,
      start: next.start,
      duration: Math.min(1440, Math.max(1, Number(next.duration) || 60)),
      size: Math.max(0, Number(next.size) || 0),
      roomId: Number(next.roomId) || 0,
    });
  };
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const fmt = (ms: number) => hhmmIn(new Date(ms), props.tz);
  const durationLabel = (m: number) =>
    m % 60 === 0 ? t("hoursShort", { h: m / 60 }) : m > 60 ? t("hoursMinutesShort", { h: Math.floor(m / 60), m: m % 60 }) : t("minutes", { n: m });

  return (
    <>
      <section aria-labelledby={`${ids}-form`} className={card}>
        <h2 id={`${ids}-form`} className="sr-only">
          {t("homeTitle")}
        </h2>
        <div role="group" aria-label={t("quickChoices")} className="mb-4 flex flex-wrap gap-2">
          {props.presets.map((p) => (
            <button
              key={p.key}
              type="button"
              className={chip}
              onClick={() => {
                const next = { ...form, date: p.date, start: p.start };
                setForm(next);
                run(next);
              }}
            >
              {t(p.key)}
            </button>
          ))}
        </div>
        <form
          className="grid grid-cols-2 gap-3 md:grid-cols-5"
          onSubmit={(e) => {
            e.preventDefault();
            run(form);
          }}
        >
          <div className="col-span-1 md:col-span-1">
            <label htmlFor={`${ids}-date`} className={label}>
              {t("fieldDate")}
            </label>
            <input id={`${ids}-date`} type="date" required min={props.today} value={form.date} onChange={set("date")} className={input} />
          </div>
          <div>
            <label htmlFor={`${ids}-start`} className={label}>
              {t("fieldStart")}
            </label>
            <input
              id={`${ids}-start`}
              type="time"
              step={300}
              value={form.start}
              onChange={set("start")}
              aria-describedby={`${ids}-start-hint`}
              className={input}
            />
          </div>
          <p id={`${ids}-start-hint`} className="col-span-2 -mt-1 text-xs text-slate-600 md:order-last md:col-span-5">
            {t("fieldStartHint")}
          </p>
          <div>
            <label htmlFor={`${ids}-duration`} className={label}>
              {t("fieldDuration")}
            </label>
            <select id={`${ids}-duration`} value={form.duration} onChange={set("duration")} className={input}>
              {DURATIONS.map((m) => (
                <option key={m} value={m}>
                  {durationLabel(m)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${ids}-size`} className={label}>
              {t("fieldPeople")} <span className="font-normal text-slate-500">({t("fieldPeopleHint")})</span>
            </label>
            <input
              id={`${ids}-size`}
              type="number"
              inputMode="numeric"
              min={1}
              max={10000}
              value={form.size}
              onChange={set("size")}
              className={input}
            />
          </div>
          <div className="col-span-2 md:col-span-1">
            <label htmlFor={`${ids}-room`} className={label}>
              {t("fieldRoom")}
            </label>
            <select id={`${ids}-room`} value={form.roomId} onChange={set("roomId")} className={input}>
              <option value="0">{t("allRooms")}</option>
              {props.rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.place}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={`${btnPrimary} col-span-2 md:col-span-5`} disabled={result.isFetching}>
            {result.isFetching ? t("searching") : t("search")}
          </button>
        </form>
      </section>

      <section aria-labelledby={`${ids}-results`} aria-busy={result.isFetching} className="space-y-3">
        <div className="flex items-baseline justify-between">
          <h2 id={`${ids}-results`} className="text-lg font-semibold">
            {t("resultsTitle")}
          </h2>
          <p aria-live="polite" className="text-sm text-slate-600">
            {result.isFetching ? <Spinner label={t("searching")} /> : result.data ? t("resultsCount", { n: result.data.rooms.length }) : null}
          </p>
        </div>
        {result.isError ? (
          <ErrorState
            title={result.error instanceof LegacyError && result.error.errcode !== 5000 ? result.error.message : t("errorNetwork")}
            action={
              <button type="button" className={btnSecondary} onClick={() => result.refetch()}>
                {t("retry")}
              </button>
            }
          />
        ) : !result.data ? (
          <SkeletonCards label={t("loading")} />
        ) : result.data.rooms.length === 0 ? (
          <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
            <p className="font-medium">{t("resultsNone")}</p>
            <p className="mt-1 text-sm text-slate-600">{t("resultsNoneHint")}</p>
          </div>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {result.data.rooms.map((r) => {
              const startLabel = result.data.start !== null ? fmt(result.data.start) : null;
              const allDay =
                r.busy.length === 0 && r.windows.length === 1 && r.windows[0].start === result.data.opensAt && r.windows[0].end === result.data.closesAt;
              const params = new URLSearchParams({ duration: String(query.duration) });
              const bookStart = r.slotFree && startLabel ? startLabel : r.nearest !== null ? fmt(r.nearest) : r.windows[0] ? fmt(r.windows[0].start) : "";
              if (bookStart) params.set("start", bookStart);
              return (
                <li key={r.id}>
                  <Link
                    href={`/room/${r.id}/${result.data.day}?${params}`}
                    aria-label={t("openRoom", { place: r.place })}
                    className={`block h-full rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/70 transition hover:ring-brand-600 ${focusRing}`}
                  >
                    <div className="flex items-start justify-between gap-3">
                      <div>
                        <p className="text-base font-semibold text-slate-900">{r.place}</p>
                        <p className="text-sm text-slate-600">{t("capacity", { n: r.size })}</p>
                      </div>
                      {startLabel && (
                        <span
                          className={`shrink-0 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${
                            r.slotFree ? "bg-emerald-50 text-emerald-800 ring-emerald-300" : "bg-amber-50 text-amber-900 ring-amber-300"
                          }`}
                        >
                          {r.slotFree ? t("slotFree", { time: startLabel }) : t("slotTaken", { time: startLabel })}
                        </span>
                      )}
                    </div>
                    <p className="mt-3 text-xs font-medium text-slate-600">{t("freeWindows")}</p>
                    <ul className="mt-1 flex flex-wrap gap-1.5">
                      {allDay ? (
                        <li className="rounded-md bg-emerald-50 px-2 py-0.5 text-sm text-emerald-800">{t("freeAllDay")}</li>
                      ) : (
                        r.windows.slice(0, 6).map((w) => (
                          <li key={w.start} className="rounded-md bg-emerald-50 px-2 py-0.5 text-sm tabular-nums text-emerald-800">
                            {fmt(w.start)}–{fmt(w.end)}
                          </li>
                        ))
                      )}
                      {!allDay && r.windows.length > 6 && <li className="px-1 text-sm text-slate-600">…</li>}
                    </ul>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
