// A recurring booking: its rule, and every date with its own status; the booker cancels one date, this and the
// following ones, or all. Each date is an ordinary booking with its own detail page.
import type { Metadata } from "next";
import Link from "next/link";
import { QueryProvider } from "@/app/_components/user/providers";
import { SeriesCancel } from "@/app/_components/user/series-cancel";
import { PageError } from "@/app/_components/user/page-error";
import { card, focusRing } from "@/app/_components/ui/kit";
import { STATUS_META, StatusBadge } from "@/app/_components/ui/status-badge";
import { getSessionAdmin, getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/locale";
import { getSeries } from "@/lib/services/series/get-series";
import { labelsOf } from "@/lib/services/calendar/academic-calendar";
import { formatDate, zone } from "@/lib/time";
import { pageId } from "@/lib/validation/page-params";
import { hhmmIn, minutesToHhmm } from "@/lib/zoned-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "重复预约" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; skipped?: string }> };

export default async function SeriesPage({ params, searchParams }: Props) {
  const { t, locale } = await getT();
  const id = pageId((await params).id);
  const sp = await searchParams;
  const created = sp.created === "1";
  const skipped = Math.max(0, Math.floor(Number(sp.skipped)) || 0);
  let s;
  try {
    if (id === null) throw null;
    s = await getSeries({ user: await getSessionUser(), admin: await getSessionAdmin() }, id);
  } catch (e) {
    if (e !== null && !isAppError(e)) throw e;
    const code = isAppError(e) ? e.code : 2007;
    return <PageError code={code} title={code === 3001 ? e!.message : t("detailNotFound")} link={{ href: "/my/bookings", text: t("myBookings") }} />;
  }
  const tz = zone();
  const dayFmt = new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", weekday: "short", timeZone: tz });
  const weekdayNames = t("weekdayShort").split(",");
  const ruleText =
    s.rule === "weekdays"
      ? t("ruleEveryWeekday", { days: s.weekdays.map((d) => weekdayNames[d - 1]).join("、") })
      : t(({ daily: "repeatDaily", weekly: "repeatWeekly", biweekly: "repeatBiweekly", dates: "repeatDates" } as const)[s.rule as "daily"] ?? "repeatDates");
  const labels = await labelsOf(s.occurrences.map((o) => formatDate(o.startsAt)));
  const weekOf = (at: Date) => labels.get(formatDate(at))?.week ?? null;
  const booked = s.occurrences.length;
  const active = s.occurrences.filter((o) => o.cancellable);

  return (
    <div className="space-y-4">
      {created && (
        <div role="status" className="rounded-2xl bg-success-50 p-4 text-success-900 ring-1 ring-success-200">
          <p className="font-semibold">{t("seriesBookedTitle")}</p>
          <p className="mt-1 text-sm">{t("seriesBookedLead", { booked, skipped })}</p>
        </div>
      )}
      <section aria-labelledby="series-title" className={card}>
        <p className="text-sm text-slate-600">{t("seriesNo", { id: s.id })}</p>
        <h1 id="series-title" className="text-xl font-semibold">
          {t("seriesTitle")} · {s.place}
        </h1>
        <p className="mt-1 text-sm text-slate-800">
          {ruleText} {minutesToHhmm(s.startMinute)}–{minutesToHhmm(s.startMinute + s.duration)} · {s.purpose}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          {s.firstDate} – {s.untilDate ?? (s.occurrences.length ? formatDate(s.occurrences[s.occurrences.length - 1].startsAt) : "")} · {t("people", { n: s.participants })}
        </p>
      </section>

      <section aria-labelledby="dates-title" className={card}>
        <h2 id="dates-title" className="font-semibold">
          {t("seriesDates")} <span className="font-normal text-slate-600">({booked})</span>
        </h2>
        <ul className="mt-2 divide-y divide-slate-100" data-testid="series-dates">
          {s.occurrences.map((o) => (
            <li key={o.id} className="py-2.5" data-status={o.status}>
              <div className="flex items-center justify-between gap-3">
                <Link href={`/history/detail/${o.id}`} className={`text-sm tabular-nums text-slate-900 underline-offset-2 hover:underline ${focusRing}`}>
                  {dayFmt.format(o.startsAt)} {hhmmIn(o.startsAt, tz)}–{hhmmIn(o.endsAt, tz)}
                  {weekOf(o.startsAt) !== null && <span className="ml-1.5 text-xs text-slate-600">{t("teachingWeek", { n: weekOf(o.startsAt)! })}</span>}
                </Link>
                <StatusBadge status={o.status} label={t(STATUS_META[o.status]?.key ?? "tabExpired")} />
              </div>
              {o.cancellable && (
                <div className="mt-1.5">
                  <QueryProvider>
                    <SeriesCancel seriesId={s.id} appointId={o.id} scopes={["one", "following"]} compact />
                  </QueryProvider>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
      {active.length > 0 && (
        <QueryProvider>
          <SeriesCancel seriesId={s.id} scopes={["all"]} />
        </QueryProvider>
      )}
    </div>
  );
}
