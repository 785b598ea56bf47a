// Room page (legacy HTML path /room/{roomId}/{date}): the day's timeline, a date switcher, upcoming bookings and
// "book this room" prefilled with the chosen slot. `date` is yyyy-MM-dd; the legacy epoch-ms form redirects to it.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DatePickerNav } from "@/app/_components/user/date-picker-nav";
import { RoomFactsCard, RoomPhotos } from "@/app/_components/user/room-profile";
import { Timeline } from "@/app/_components/user/timeline";
import { PageError } from "@/app/_components/user/page-error";
import { btnPrimary, card, chip, focusRing } from "@/app/_components/ui/kit";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/locale";
import { getRoomAvailability } from "@/lib/services/rooms/get-room-availability";
import { getRoomPeriods } from "@/lib/services/rooms/get-room-periods";
import { getRoomProfile } from "@/lib/services/rooms/get-room-profile";
import { listPendingPeriods } from "@/lib/services/booking/pending-requests";
import { formatDate, parseLocalDate, startOfNextLocalDay, zone } from "@/lib/time";
import { isEpochDay, pageDate, pageId } from "@/lib/validation/page-params";
import { addDays, hhmmIn, isoDateIn, parseHhmm } from "@/lib/zoned-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "会议室" };

type Props = {
  params: Promise<{ roomId: string; date: string }>;
  searchParams: Promise<{ start?: string; duration?: string; size?: string }>;
};

export default async function RoomPage({ params, searchParams }: Props) {
  const { t, locale } = await getT();
  const { roomId: rawId, date: rawDate } = await params;
  const sp = await searchParams;
  const tz = zone();
  const roomId = pageId(rawId) ?? 0;
  // Legacy links carry the day as epoch ms: land on the canonical yyyy-MM-dd address — only for a well-formed room
  // id and a real epoch-ms day (`/room/abc/1` is malformed, not a trip to 1970-01-01).
  const asDay = roomId && isEpochDay(rawDate) ? pageDate(rawDate) : null;
  if (asDay) redirect(`/room/${roomId}/${isoDateIn(asDay, tz)}`);

  const duration = Math.min(1440, Math.max(15, Number(sp.duration) || 60));
  const start = sp.start && parseHhmm(sp.start) !== null ? sp.start : undefined;
  const size = Math.floor(Number(sp.size)) >= 1 ? String(Math.floor(Number(sp.size))) : undefined;
  const now = new Date();
  const today = formatDate(now);

  let data;
  try {
    if (!roomId || !/^\d{4}-\d{2}-\d{2}$/.test(rawDate)) throw new Error("bad path");
    const [day, bookable, periods, profile, pending] = await Promise.all([
      // Every free stretch of at least 15 minutes for the timeline; the wanted duration for the booking button.
      getRoomAvailability({ roomId, date: rawDate, duration: 15, size: 0 }, now),
      getRoomAvailability({ roomId, date: rawDate, duration, size: 0, start }, now),
      getRoomPeriods({ roomId, type: "all" }),
      getRoomProfile(roomId),
      // Other people's pending requests that day (申请中, no names).
      (async () => {
        const from = parseLocalDate(rawDate);
        return from ? listPendingPeriods(roomId, from, startOfNextLocalDay(from)) : [];
      })(),
    ]);
    data = { day, bookable, periods, profile, pending };
  } catch (e) {
    if (!isAppError(e) && !(e instanceof Error && e.message === "bad path")) throw e;
    return <PageError code={isAppError(e) ? e.code : 4002} title={t("roomNotFound")} link={{ href: "/", text: t("navHome") }} />;
  }

  const room = data.day.rooms[0];
  const slot = data.bookable.rooms[0];
  const fmt = (ms: number) => hhmmIn(new Date(ms), tz);
  const date = data.day.day;
  const canBook = room.available && date >= today;
  const bookingStart =
    slot.slotFree && start ? start : slot.nearest !== null ? fmt(slot.nearest) : slot.windows[0] ? fmt(slot.windows[0].start) : null;
  const bookHref = (s: string, d: number) => `/appointment/${room.id}?${new URLSearchParams({ date, start: s, duration: String(d), ...(size ? { size } : {}) })}`;
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  const monthDay = new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", timeZone: "UTC" });
  const dayLabel = (d: string) => (d === today ? t("today") : d === addDays(today, 1) ? t("tomorrow") : weekday.format(new Date(`${d}T00:00:00Z`)));
  // A week around the chosen day, never starting before today (phones show the first four).
  const strip = Array.from({ length: 7 }, (_, i) => addDays(date < today ? today : date, i - Math.min(2, Math.max(0, daysBetween(today, date)))));
  const keep = new URLSearchParams({ ...(start ? { start } : {}), duration: String(duration), ...(size ? { size } : {}) }).toString();
  const upcoming = data.periods.filter((p) => p.startsAt.getTime() + p.duration * 60_000 > now.getTime()).slice(0, 6);
  const longDate = new Intl.DateTimeFormat(locale, { month: "long", day: "numeric", weekday: "short", timeZone: tz });

  return (
    <div className="space-y-4">
      <div className={`${card} flex items-start justify-between gap-3`}>
        <div>
          <p className="text-sm text-slate-600">{t("roomTitle")}</p>
          <h1 className="text-xl font-semibold">{room.place}</h1>
          <p className="mt-1 text-sm text-slate-700">{t("capacity", { n: room.size })}</p>
        </div>
        {!room.available && <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700">{t("roomClosed")}</span>}
      </div>
      {data.profile && <RoomPhotos place={room.place} profile={data.profile} />}
      {data.profile && <RoomFactsCard profile={data.profile} />}

      <nav aria-label={t("pickDate")} className={card}>
        <div className="flex items-center justify-between gap-2">
          <Link href={`/room/${room.id}/${addDays(date, -1)}?${keep}`} className={`${chip} shrink-0`} aria-label={t("prevDay")}>
            ‹
          </Link>
          <ol className="grid flex-1 grid-cols-4 gap-1 sm:grid-cols-7">
            {strip.map((d, i) => (
              <li key={d} className={i >= 4 ? "hidden sm:block" : undefined}>
                <Link
                  href={`/room/${room.id}/${d}?${keep}`}
                  aria-current={d === date ? "date" : undefined}
                  className={`flex flex-col items-center rounded-xl px-1 py-1 text-xs ${
                    d === date ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"
                  } ${focusRing}`}
                >
                  <span>{dayLabel(d)}</span>
                  <span className="text-sm font-semibold tabular-nums">{monthDay.format(new Date(`${d}T00:00:00Z`))}</span>
                </Link>
              </li>
            ))}
          </ol>
          <Link href={`/room/${room.id}/${addDays(date, 1)}?${keep}`} className={`${chip} shrink-0`} aria-label={t("nextDay")}>
            ›
          </Link>
        </div>
        <div className="mt-3">
          <DatePickerNav value={date} hrefFor={`/room/${room.id}/__DATE__?${keep}`} />
        </div>
      </nav>

      <section aria-labelledby="timeline-title" className={card}>
        <h2 id="timeline-title" className="font-semibold">
          {t("timelineTitle")} · <span className="font-normal text-slate-700">{longDate.format(new Date(data.day.opensAt))}</span>
        </h2>
        <p className="mb-3 text-xs text-slate-600">
          {t("openHours", { from: fmt(data.day.opensAt), to: data.day.closeMinute === 1440 ? "24:00" : fmt(data.day.closesAt) })}
        </p>
        <Timeline
          opensAt={data.day.opensAt}
          closesAt={data.day.closesAt}
          now={now.getTime()}
          busy={room.busy}
          pending={data.pending}
          free={room.windows}
          fmt={fmt}
          bookHref={(w) => (canBook ? bookHref(fmt(w.start), Math.min(duration, Math.floor((w.end - w.start) / 60_000))) : null)}
          labels={{
            busy: t("timelineLegendBusy"),
            pending: t("pendingLegend"),
            pendingPeriod: (p) => t("pendingPeriod", { from: fmt(p.start), to: fmt(p.end) }),
            free: t("timelineLegendFree"),
            past: t("timelineLegendPast"),
            busyPeriod: (p) => t("busyPeriod", { from: fmt(p.start), to: fmt(p.end) }),
            freePeriod: (p) => t("freePeriod", { from: fmt(p.start), to: fmt(p.end) }),
            book: (p) => t("bookThisSlot", { from: fmt(p.start), to: fmt(Math.min(p.end, p.start + duration * 60_000)) }),
            empty: t("noBookingsToday"),
          }}
        />
      </section>

      <section aria-labelledby="upcoming-title" className={card}>
        <h2 id="upcoming-title" className="font-semibold">
          {t("upcomingTitle")}
        </h2>
        {upcoming.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t("upcomingNone")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {upcoming.map((p) => (
              <li key={p.startsAt.getTime()} className="flex justify-between py-2 text-sm">
                <span>{longDate.format(p.startsAt)}</span>
                <span className="tabular-nums text-slate-700">
                  {fmt(p.startsAt.getTime())}–{fmt(p.startsAt.getTime() + p.duration * 60_000)} · {t("minutes", { n: p.duration })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="sticky bottom-16 z-10 md:static">
        {canBook && bookingStart ? (
          <Link href={bookHref(bookingStart, duration)} className={`${btnPrimary} w-full shadow-lg`}>
            {t("bookThisRoom")} · {bookingStart}
          </Link>
        ) : (
          <p className="rounded-xl bg-slate-100 px-4 py-3 text-center text-sm text-slate-700">{room.available ? t("dayFull") : t("roomClosed")}</p>
        )}
      </div>
    </div>
  );
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
