// Results of the home search, rendered on the server from what lib/services/rooms/home-search.ts found (every booking
// rule applied there; the home page calls it): capacity, whether the wanted slot is free, and the day's free windows;
// each opens the room page.
import Link from "next/link";
import { whereLabel } from "@/lib/domain/where-label";
import { getT } from "@/lib/i18n/locale";
import type { HomeSearch } from "@/lib/services/rooms/home-search";
import { zone } from "@/lib/time";
import { hhmmIn } from "@/lib/zoned-time";
import { EmptyState, focusRing } from "../ui/kit";
import { BASE } from "../data/client";
import { EquipmentList } from "./equipment-icons";
import { Pager } from "./pager";

export interface SearchQuery {
  date: string;
  start: string;
  duration: number;
  size: number;
  roomId: number;
  /** Filters ("" / [] = none); `name`: part of the room's place. */
  building: string;
  equipment: string[];
  name: string;
}

/** The home URL of this search on one page of results (page 1: no `page` parameter). */
export function searchHref(q: SearchQuery, page: number): string {
  const params = new URLSearchParams({ date: q.date, duration: String(q.duration) });
  if (q.start) params.set("start", q.start);
  if (q.size) params.set("size", String(q.size));
  if (q.roomId) params.set("roomId", String(q.roomId));
  if (q.building) params.set("building", q.building);
  if (q.name) params.set("name", q.name);
  for (const e of q.equipment) params.append("equipment", e);
  if (page > 1) params.set("page", String(page));
  return `/?${params}`;
}

export async function SearchResults({ q, found: data }: { q: SearchQuery; found: HomeSearch }) {
  const { t } = await getT();
  const { photos, pending } = data;
  const tz = zone();
  const fmt = (ms: number) => hhmmIn(new Date(ms), tz);
  const startLabel = data.start !== null ? fmt(data.start) : null;

  return (
    <section aria-labelledby="results-title" className="space-y-3">
      <div className="flex items-baseline justify-between">
        <h2 id="results-title" className="text-lg font-semibold">
          {t("resultsTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("resultsCount", { n: data.total })}</p>
      </div>
      {data.rooms.length === 0 ? (
        <EmptyState title={t("resultsNone")} hint={t("resultsNoneHint")} />
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {data.rooms.map((r) => {
            const allDay = r.busy.length === 0 && r.windows.length === 1 && r.windows[0].start === r.opensAt && r.windows[0].end === r.closesAt;
            const bookStart = r.slotFree && startLabel ? startLabel : r.nearest !== null ? fmt(r.nearest) : r.windows[0] ? fmt(r.windows[0].start) : "";
            const params = new URLSearchParams({ duration: String(q.duration), ...(bookStart ? { start: bookStart } : {}), ...(q.size ? { size: String(q.size) } : {}) });
            const waiting = r.slotFree ? (pending.get(r.id) ?? 0) : 0;
            return (
              <li key={r.id}>
                <Link
                  href={`/room/${r.id}/${data.day}?${params}`}
                  className={`block h-full rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/70 transition hover:ring-brand-600 ${focusRing}`}
                >
                  <div className="flex items-start justify-between gap-3">
                    {photos.get(r.id)?.[0] && (
                      <img src={`${BASE}${photos.get(r.id)![0].path}`} alt="" loading="lazy" className="h-16 w-20 shrink-0 rounded-lg object-cover" />
                    )}
                    <div className="min-w-0 flex-1">
                      <p className="text-base font-semibold text-slate-900">{r.place}</p>
                      <p className="text-sm text-slate-600">
                        {t("capacity", { n: r.size })}
                        {whereLabel(r.building, r.floor) && <> · {whereLabel(r.building, r.floor)}</>}
                      </p>
                    </div>
                    {startLabel && (
                      <span
                        className={`shrink-0 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${
                          r.slotFree ? "bg-success-50 text-success-800 ring-success-300" : "bg-warning-50 text-warning-900 ring-warning-300"
                        }`}
                      >
                        {r.slotFree ? t("slotFree", { time: startLabel }) : t("slotTaken", { time: startLabel })}
                      </span>
                    )}
                  </div>
                  {r.equipment.length > 0 && (
                    <div className="mt-2">
                      <EquipmentList items={r.equipment} />
                    </div>
                  )}
                  {waiting > 0 && (
                    <p data-testid="pending-overlap" className="mt-2 inline-flex items-center gap-1.5 rounded-md bg-warning-50 px-2 py-0.5 text-xs font-medium text-warning-900 ring-1 ring-inset ring-warning-300">
                      <span aria-hidden="true" className="size-2.5 rounded-sm bg-[repeating-linear-gradient(135deg,var(--color-warning-500)_0,var(--color-warning-500)_2px,var(--color-warning-100)_2px,var(--color-warning-100)_4px)]" />
                      {t("pendingOverlapSearch", { n: waiting })}
                    </p>
                  )}
                  <p className="mt-3 text-xs font-medium text-slate-600">{t("freeWindows")}</p>
                  <ul className="mt-1 flex flex-wrap gap-1.5">
                    {allDay ? (
                      <li className="rounded-md bg-success-50 px-2 py-0.5 text-sm text-success-800">{t("freeAllDay")}</li>
                    ) : (
                      r.windows.slice(0, 6).map((w) => (
                        <li key={w.start} className="rounded-md bg-success-50 px-2 py-0.5 text-sm tabular-nums text-success-800">
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
      <Pager page={data.page} pages={data.pages} href={(n) => searchHref(q, n)} label={t("resultsPages")} />
    </section>
  );
}
