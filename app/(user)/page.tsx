// Home: find a room. A GET form (no client state): the search lives in the URL, results are rendered on the server
// in the campus zone, quick choices are links. Defaults (today or tomorrow when late, any free time, 1 hour) make the
// first screen already answer "where can I meet?".
import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { Suspense } from "react";
import { SearchResults, searchHref, type SearchQuery } from "@/app/_components/user/search-results";
import { btnPrimary, card, chip, ErrorState, input, label, SkeletonCards } from "@/app/_components/ui/kit";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/locale";
import { listEquipment } from "@/lib/services/rooms/list-equipment";
import { listBuildings } from "@/lib/services/rooms/list-buildings";
import { getRoom } from "@/lib/services/rooms/get-room";
import { ROOM_NAME_MAX } from "@/lib/services/rooms/get-room-availability";
import { homeSearch } from "@/lib/services/rooms/home-search";
import { getSettings } from "@/lib/services/settings/get-settings";
import { formatDate, localMinuteOfDay } from "@/lib/time";
import { addDays, minutesToHhmm, parseHhmm } from "@/lib/zoned-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "找会议室" };

const DURATIONS = [30, 60, 90, 120, 180, 240];
type SP = Promise<Record<string, string | string[] | undefined>>;

export default async function HomePage({ searchParams }: { searchParams: SP }) {
  const { t } = await getT();
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string).trim() : "");
  const now = new Date();
  const roomId = Math.max(0, Math.floor(Number(one("roomId")) || 0));
  // A room asked for by id (links such as /?roomId=N): only that room is read, for its name in the form; an unknown
  // one is named by its number (the results say it does not exist).
  const [settings, chosen, buildings, equipment] = await Promise.all([
    getSettings(),
    roomId ? getRoom(roomId).catch((e: unknown) => (isAppError(e) ? null : Promise.reject(e))) : null,
    listBuildings(),
    listEquipment(),
  ]);
  const many = (k: string) => (Array.isArray(sp[k]) ? (sp[k] as string[]) : typeof sp[k] === "string" ? [sp[k] as string] : []);
  const today = formatDate(now);
  const tomorrow = addDays(today, 1);
  const nowMinute = localMinuteOfDay(now);
  const clampOpen = (m: number) => Math.max(settings.openMinute, m);
  const wantedDuration = Math.min(1440, Math.max(1, Number(one("duration")) || 60));
  // "Now" rounds up to the next 5 minutes (never before opening). When today cannot hold the duration any more, the
  // defaults and the time-of-day presets roll to tomorrow at opening.
  const earliestToday = clampOpen(Math.ceil((nowMinute + 1) / 5) * 5);
  const lateToday = earliestToday + wantedDuration > settings.closeMinute;

  const q: SearchQuery = {
    date: /^\d{4}-\d{2}-\d{2}$/.test(one("date")) ? one("date") : lateToday ? tomorrow : today,
    start: parseHhmm(one("start")) !== null ? one("start") : "",
    duration: Math.min(1440, Math.max(1, Number(one("duration")) || 60)),
    size: Math.max(0, Math.floor(Number(one("size")) || 0)),
    roomId,
    building: buildings.includes(one("building")) ? one("building") : "",
    equipment: equipment.filter((e) => many("equipment").includes(e)),
    name: one("name"),
  };
  const page = Math.max(1, Math.floor(Number(one("page")) || 1));
  const filters = [...(q.building ? [["building", q.building]] : []), ...q.equipment.map((e) => ["equipment", e])];

  // "下个整点" is the whole hour after "现在" (before opening: 08:00 and 09:00, never both 08:00).
  const nowStart = lateToday ? settings.openMinute : earliestToday;
  const presets = (
    [
      { key: "quickNow", date: lateToday ? tomorrow : today, start: nowStart },
      { key: "quickNextHour", date: lateToday ? tomorrow : today, start: (Math.floor(nowStart / 60) + 1) * 60 },
      { key: "quickTomorrowMorning", date: tomorrow, start: clampOpen(9 * 60) },
    ] as const
  )
    // The same day and time twice (late evening: "下个整点" tomorrow is "明天上午") is offered once.
    .filter((p, i, all) => all.findIndex((o) => o.date === p.date && o.start === p.start) === i)
    .map((p) => ({ ...p, start: minutesToHhmm(p.start) }));
  const presetHref = (p: (typeof presets)[number]) =>
    `/?${new URLSearchParams([...Object.entries({ date: p.date, start: p.start, duration: String(q.duration), ...(q.size ? { size: String(q.size) } : {}), ...(q.roomId ? { roomId: String(q.roomId) } : {}), ...(q.name ? { name: q.name } : {}) }), ...filters])}`;
  const durationLabel = (m: number) => (m % 60 === 0 ? t("hoursShort", { h: m / 60 }) : m > 60 ? t("hoursMinutesShort", { h: Math.floor(m / 60), m: m % 60 }) : t("minutes", { n: m }));

  return (
    <div className="space-y-5">
      <section aria-labelledby="home-title" className="rounded-2xl bg-gradient-to-br from-brand-600 to-brand-700 p-5 text-white shadow">
        <h1 id="home-title" className="text-xl font-semibold">
          {t("homeTitle")}
        </h1>
        <p className="mt-1 text-sm text-white/90">{t("homeLead")}</p>
        <p className="mt-2 text-xs text-white/80">
          {t("openHours", { from: minutesToHhmm(settings.openMinute), to: minutesToHhmm(settings.closeMinute) })}
        </p>
      </section>

      <section aria-label={t("homeTitle")} className={card}>
        <nav aria-label={t("quickChoices")} className="mb-4">
          <ul className="flex flex-wrap gap-2">
            {presets
              .filter((p) => parseHhmm(p.start)! < settings.closeMinute)
              .map((p) => (
                <li key={p.key}>
                  <Link href={presetHref(p)} className={chip} aria-current={q.date === p.date && q.start === p.start ? "true" : undefined}>
                    {t(p.key)}
                    <span className="ml-1 text-xs tabular-nums text-slate-600">{p.start}</span>
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <Form action="/" className="grid grid-cols-2 gap-3 md:grid-cols-5">
          <div>
            <label htmlFor="s-date" className={label}>
              {t("fieldDate")}
            </label>
            <input id="s-date" name="date" type="date" required min={today} defaultValue={q.date} className={input} />
          </div>
          <div>
            <label htmlFor="s-start" className={label}>
              {t("fieldStart")}
            </label>
            <input id="s-start" name="start" type="time" step={300} defaultValue={q.start} aria-describedby="s-start-hint" className={input} />
          </div>
          <p id="s-start-hint" className="col-span-2 -mt-1 text-xs text-slate-600 md:order-last md:col-span-5">
            {t("fieldStartHint")}
          </p>
          <div>
            <label htmlFor="s-duration" className={label}>
              {t("fieldDuration")}
            </label>
            <select id="s-duration" name="duration" defaultValue={String(q.duration)} className={input}>
              {[...new Set([...DURATIONS, q.duration])].sort((a, b) => a - b).map((m) => (
                <option key={m} value={m}>
                  {durationLabel(m)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="s-size" className={label}>
              {t("fieldPeople")} <span className="font-normal text-slate-600">({t("fieldPeopleHint")})</span>
            </label>
            <input id="s-size" name="size" type="number" inputMode="numeric" min={1} max={10000} defaultValue={q.size || ""} className={input} />
          </div>
          {q.roomId ? (
            <div className="col-span-2 md:col-span-1">
              <p id="s-room-label" className={label}>
                {t("roomChosen")}
              </p>
              <input type="hidden" name="roomId" value={q.roomId} />
              <div role="group" aria-labelledby="s-room-label" className="flex min-h-10 items-center justify-between gap-2 rounded-lg bg-brand-50 px-3 text-sm">
                <span className="truncate font-medium text-brand-700">{chosen?.place ?? t("roomUnknown", { id: q.roomId })}</span>
                <Link href={searchHref({ ...q, roomId: 0 }, 1)} aria-label={t("clearRoomLabel")} className="shrink-0 rounded text-sm font-medium text-brand-700 underline">
                  {t("clearRoom")}
                </Link>
              </div>
            </div>
          ) : (
            <div className="col-span-2 md:col-span-1">
              <label htmlFor="s-name" className={label}>
                {t("fieldRoomName")}
              </label>
              <input id="s-name" name="name" type="search" maxLength={ROOM_NAME_MAX} defaultValue={q.name} placeholder={t("roomNamePlaceholder")} className={input} />
            </div>
          )}
          <details className="col-span-2 md:col-span-5" open={filters.length > 0 || undefined}>
            <summary className="cursor-pointer rounded text-sm font-medium text-brand-700">
              {t("moreFilters")}
              {filters.length > 0 && <span className="ml-1 rounded-full bg-brand-600 px-1.5 text-xs text-white">{filters.length}</span>}
            </summary>
            <div className="mt-3 grid gap-3 md:grid-cols-[14rem_1fr]">
              <div>
                <label htmlFor="s-building" className={label}>
                  {t("fieldBuilding")}
                </label>
                <select id="s-building" name="building" defaultValue={q.building} className={input}>
                  <option value="">{t("anyBuilding")}</option>
                  {buildings.map((b) => (
                    <option key={b} value={b}>
                      {b}
                    </option>
                  ))}
                </select>
              </div>
              <fieldset>
                <legend className={label}>{t("fieldEquipment")}</legend>
                <div className="flex flex-wrap gap-2">
                  {equipment.map((e) => (
                    <label key={e} className="inline-flex min-h-9 cursor-pointer items-center gap-1.5 rounded-full border border-slate-300 bg-white px-3 text-sm text-slate-700 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:text-brand-700">
                      <input type="checkbox" name="equipment" value={e} defaultChecked={q.equipment.includes(e)} className="h-4 w-4 accent-brand-600" />
                      {e}
                    </label>
                  ))}
                </div>
                <p className="mt-1 text-xs text-slate-600">{t("equipmentFilterHint")}</p>
              </fieldset>
            </div>
          </details>
          <button type="submit" className={`${btnPrimary} col-span-2 md:col-span-5`}>
            {t("search")}
          </button>
        </Form>
      </section>

      <Suspense key={`${JSON.stringify(q)}#${page}`} fallback={<SkeletonCards label={t("searching")} />}>
        <Results q={q} page={page} />
      </Suspense>
    </div>
  );
}

/** The search itself, streamed into the Suspense boundary above; bad input shows as the service's message. */
async function Results({ q, page }: { q: SearchQuery; page: number }) {
  let found;
  try {
    found = await homeSearch({ ...q, start: q.start || undefined, building: q.building || undefined, name: q.name || undefined }, page);
  } catch (e) {
    if (!isAppError(e)) throw e;
    return <ErrorState title={e.message} />;
  }
  return <SearchResults q={q} found={found} />;
}
