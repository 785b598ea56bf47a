// Booking detail (legacy HTML path /history/detail/{id}): its booker or any admin may read it; the booker may cancel
// while the booking service says it is cancellable.
import type { Metadata } from "next";
import Link from "next/link";
import { AddToCalendar, BookingCheckIn } from "@/app/_components/user/booking-extras";
import { CancelBooking } from "@/app/_components/user/cancel-booking";
import { QueryProvider } from "@/app/_components/user/providers";
import { PageError } from "@/app/_components/user/page-error";
import { btnSecondary, card, focusRing } from "@/app/_components/ui/kit";
import { STATUS_META, StatusBadge } from "@/app/_components/ui/status-badge";
import { getSessionAdmin, getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/locale";
import { STATUS } from "@/lib/db/schema";
import { getAppointmentDetail } from "@/lib/services/booking/get-appointment-detail";
import { labelsOf } from "@/lib/services/calendar/academic-calendar";
import { getCheckInState } from "@/lib/services/checkin/get-check-in-state";
import { formatDate, formatDateTimeSeconds, zone } from "@/lib/time";
import { pageId } from "@/lib/validation/page-params";
import { hhmmIn } from "@/lib/zoned-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "预约详情" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function BookingDetailPage({ params, searchParams }: Props) {
  const { t, locale } = await getT();
  const id = pageId((await params).id);
  const created = (await searchParams).created === "1";
  let b;
  try {
    if (id === null) throw null;
    b = await getAppointmentDetail({ user: await getSessionUser(), admin: await getSessionAdmin() }, id);
  } catch (e) {
    if (e !== null && !isAppError(e)) throw e;
    const code = isAppError(e) ? e.code : 2007;
    return <PageError code={code} title={code === 3001 ? e!.message : t("detailNotFound")} link={{ href: "/my/bookings", text: t("myBookings") }} />;
  }
  const checkIn = await getCheckInState(b.id);
  const tz = zone();
  const label = (await labelsOf([formatDate(b.startsAt)])).get(formatDate(b.startsAt));
  const minutes = Math.round((b.endsAt.getTime() - b.startsAt.getTime()) / 60_000);
  const day = new Intl.DateTimeFormat(locale, { month: "long", day: "numeric", weekday: "short", timeZone: tz }).format(b.startsAt);
  // Each fact once: the status and the number are rows of the list (not repeated in the heading).
  const rows: [string, React.ReactNode][] = [
    [t("status"), <StatusBadge key="s" status={b.status} label={t(STATUS_META[b.status]?.key ?? "tabExpired")} />],
    [t("recordNo"), String(b.id)],
    [t("place"), b.place],
    [t("startTime"), `${day} ${hhmmIn(b.startsAt, tz)}–${hhmmIn(b.endsAt, tz)}${label?.week ? `（${t("teachingWeek", { n: label.week })}）` : ""}`],
    [t("duration"), t("minutes", { n: minutes })],
    [t("purpose"), b.purpose],
    [t("participants"), t("people", { n: b.participants })],
    [t("booker"), b.name || "—"],
    [t("bookerId"), b.userid],
    [t("phone"), b.phone],
    [t("note"), b.note || t("none")],
    [t("submittedAt"), formatDateTimeSeconds(b.submittedAt)],
  ];
  // "再约一次": the same room and time next week, in the prefilled form.
  const nextWeek = new Date(b.startsAt.getTime() + 7 * 86_400_000);
  const againHref = `/appointment/${b.roomId}?${new URLSearchParams({
    date: formatDate(nextWeek),
    start: hhmmIn(nextWeek, tz),
    duration: String(minutes),
    size: String(b.participants),
    purpose: b.purpose,
  })}`;

  return (
    <div className="space-y-4" data-status={b.status}>
      {created && (
        <div role="status" data-testid="created-banner" className="rounded-2xl bg-success-50 p-4 text-success-900 ring-1 ring-success-200">
          <p className="font-semibold">{b.status === 3 ? t("approvedTitle") : t("bookedTitle")}</p>
          <p className="mt-1 text-sm">{b.status === 3 ? t("approvedLead") : t("bookedLead")}</p>
        </div>
      )}
      <section aria-labelledby="detail-title" className={card}>
        <h1 id="detail-title" className="text-xl font-semibold">
          {t("detailTitle")}
        </h1>
        {b.checkInfo && (
          <p className="mt-3 rounded-xl bg-slate-50 px-3 py-2 text-sm text-slate-800">
            <span className="text-slate-600">{t("reviewMessage")}：</span>
            {b.checkInfo}
          </p>
        )}
        <div className="mt-3">
          <BookingCheckIn state={checkIn} live={b.status === STATUS.APPROVED || b.status === STATUS.PENDING} />
        </div>
        {b.queuePosition !== null && (
          <p data-testid="queue-position" className="mt-3 rounded-xl bg-warning-50 px-3 py-2 text-sm text-warning-900 ring-1 ring-warning-200">
            {b.queuePosition > 1 ? t("queuePosition", { n: b.queuePosition }) : t("queueFirst")}
          </p>
        )}
        {b.seriesId !== null && (
          <p className="mt-3 text-sm">
            <span className="text-slate-600">{t("seriesPartOf")} · </span>
            <Link href={`/my/series/${b.seriesId}`} className={`font-medium text-brand-700 underline ${focusRing}`}>
              {t("viewSeries")}
            </Link>
          </p>
        )}
        <dl className="mt-4 divide-y divide-slate-100">
          {rows.map(([k, v]) => (
            <div key={k} className="grid grid-cols-[7rem_1fr] gap-3 py-2.5 text-sm">
              <dt className="text-slate-600">{k}</dt>
              <dd className="break-words whitespace-pre-wrap text-slate-900">{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="grid gap-3 sm:grid-cols-2">
        {b.cancellable && (
          <QueryProvider>
            <CancelBooking id={b.id} />
          </QueryProvider>
        )}
        <Link href={againHref} className={btnSecondary} data-testid="book-again">
          {t("bookAgain")}
          <span className="text-sm font-normal text-slate-600">· {t("bookAgainHint")}</span>
        </Link>
        <AddToCalendar id={b.id} />
      </div>
    </div>
  );
}
