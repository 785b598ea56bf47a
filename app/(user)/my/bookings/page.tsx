// My bookings: opens on 即将开始 (pending and approved, not yet ended, soonest first), then tabs by status with
// counts; every list in meeting-time order, a page at a time (`?page=N`, the tab kept in `status`).
import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/app/_components/user/pager";
import { SignInNeeded } from "@/app/_components/user/sign-in-needed";
import { EmptyState, focusRing } from "@/app/_components/ui/kit";
import { STATUS_META, STATUS_TABS, StatusBadge } from "@/app/_components/ui/status-badge";
import { getSessionUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/locale";
import { listMyBookings, type MyBookingsTab } from "@/lib/services/booking/list-my-bookings";
import { formatDate, zone } from "@/lib/time";
import { labelsOf } from "@/lib/services/calendar/academic-calendar";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "我的预约" };

export default async function MyBookingsPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const { t, locale } = await getT();
  const user = await getSessionUser();
  if (!user) return <SignInNeeded next="/my/bookings" />;
  const sp = await searchParams;
  const raw = typeof sp.status === "string" ? sp.status : undefined;
  const asked = Number(raw);
  const status: MyBookingsTab = raw !== undefined && raw !== "" && (STATUS_TABS as readonly number[]).includes(asked) ? asked : "upcoming";
  // Garbage is page 1; past the last page, the service gives the last.
  const askedPage = typeof sp.page === "string" ? Math.max(1, Math.floor(Number(sp.page)) || 1) : 1;
  const { bookings: list, counts, upcoming: upcomingCount, page, pages } = await listMyBookings(user.id, status, askedPage);
  const pageHref = (n: number) => {
    const params = new URLSearchParams(status === "upcoming" ? {} : { status: String(status) });
    if (n > 1) params.set("page", String(n));
    return `/my/bookings${params.size ? `?${params}` : ""}`;
  };
  const tabs: { key: MyBookingsTab; href: string; label: string; n: number }[] = [
    { key: "upcoming", href: "/my/bookings", label: t("tabUpcoming"), n: upcomingCount },
    ...STATUS_TABS.map((s) => ({ key: s as MyBookingsTab, href: `/my/bookings?status=${s}`, label: t(STATUS_META[s].key), n: counts[s] })),
  ];
  const labels = await labelsOf(list.map((b) => formatDate(b.startsAt)));
  const when = new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone() });
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone() });

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("bookingsTitle")}</h1>
      <nav aria-label={t("bookingsTitle")} className="-mx-4 overflow-x-auto px-4">
        <ul className="flex gap-2">
          {tabs.map(({ key: s, href, label, n }) => (
            <li key={s}>
              <Link
                href={href}
                aria-current={s === status ? "page" : undefined}
                className={`inline-flex min-h-10 items-center gap-1.5 whitespace-nowrap rounded-full px-3.5 text-sm font-medium ring-1 ring-inset ${
                  s === status ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:ring-brand-600"
                } ${focusRing}`}
              >
                {label}
                <span className={`rounded-full px-1.5 text-xs tabular-nums ${s === status ? "bg-white/20" : "bg-slate-100 text-slate-700"}`}>
                  {n}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.length === 0 ? (
        <EmptyState title={t("bookingsNone")} hint={t("bookingsNoneHint")} action={{ href: "/", label: t("navHome") }} />
      ) : (
        <ul className="space-y-3">
          {list.map((b) => (
            <li key={b.id}>
              <Link
                href={`/history/detail/${b.id}`}
                className={`block rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/70 transition hover:ring-brand-600 ${focusRing}`}
              >
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="truncate font-semibold">{b.place}</p>
                    <p className="mt-0.5 text-sm tabular-nums text-slate-700">
                      {when.format(b.startsAt)}–{time.format(b.endsAt)}
                      {labels.get(formatDate(b.startsAt))?.week ? <span className="ml-1.5 text-xs text-slate-600">{t("teachingWeek", { n: labels.get(formatDate(b.startsAt))!.week! })}</span> : null}
                    </p>
                  </div>
                  <StatusBadge status={b.status} label={t(STATUS_META[b.status].key)} />
                </div>
                <p className="mt-2 truncate text-sm text-slate-700">
                  {b.seriesId !== null && <span className="mr-1.5 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">{t("seriesTitle")}</span>}
                  {b.purpose}
                </p>
                {b.checkInfo && (
                  <p className="mt-2 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">
                    <span className="text-slate-600">{t("reviewMessage")}：</span>
                    {b.checkInfo}
                  </p>
                )}
                <p className="mt-2 flex justify-between text-xs text-slate-600">
                  <span>{t("bookingNo", { id: b.id })}</span>
                  <span className="font-medium text-brand-700">{t("viewDetail")} ›</span>
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pages={pages} href={pageHref} label={t("bookingsPages")} />
    </div>
  );
}
