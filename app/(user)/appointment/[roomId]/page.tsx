// Booking form (legacy HTML path /appointment/{roomId}), prefilled from the room page (?date&start&duration) and
// the profile's phone. Submission goes through the legacy POST /appointment.
import type { Metadata } from "next";
import { BookingForm } from "@/app/_components/user/booking-form";
import { QueryProvider } from "@/app/_components/user/providers";
import { PageError } from "@/app/_components/user/page-error";
import { card, ErrorState } from "@/app/_components/ui/kit";
import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/locale";
import { getProfile } from "@/lib/services/profile/get-profile";
import { getRoom } from "@/lib/services/rooms/get-room";
import { getSeriesCaps } from "@/lib/services/series/series-caps";
import { getSettings } from "@/lib/services/settings/get-settings";
import { formatDate, localMinuteOfDay, zone } from "@/lib/time";
import { pageId } from "@/lib/validation/page-params";
import { addDays, minutesToHhmm, parseHhmm } from "@/lib/zoned-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "预约会议室" };

type Props = {
  params: Promise<{ roomId: string }>;
  searchParams: Promise<{ date?: string; start?: string; duration?: string; size?: string; purpose?: string }>;
};

export default async function AppointmentPage({ params, searchParams }: Props) {
  const { t } = await getT();
  const { roomId: rawId } = await params;
  const sp = await searchParams;
  const roomId = pageId(rawId) ?? 0;
  const room = roomId ? await getRoom(roomId).catch((e) => (isAppError(e) ? null : Promise.reject(e))) : null;
  if (!room) {
    return <PageError code={4002} title={t("roomNotFound")} link={{ href: "/", text: t("navHome") }} />;
  }
  const user = await getSessionUser();
  const [settings, profile, caps] = await Promise.all([getSettings(), user ? getProfile(user.id).catch(() => null) : null, getSeriesCaps()]);

  const now = new Date();
  const today = formatDate(now);
  // Durations in whole quarter hours (the field steps by 15); a carried-over odd length rounds down, never below 15.
  const duration = Math.min(1440, Math.max(15, Math.floor((Number(sp.duration) || 60) / 15) * 15));
  // Default start: the next half hour today, when today can still hold the duration; otherwise tomorrow at opening.
  const soon = Math.max(settings.openMinute, Math.ceil((localMinuteOfDay(now) + 1) / 30) * 30);
  const fallback = soon + duration <= settings.closeMinute ? { date: today, start: minutesToHhmm(soon) } : { date: addDays(today, 1), start: minutesToHhmm(settings.openMinute) };
  const date = sp.date && /^\d{4}-\d{2}-\d{2}$/.test(sp.date) && sp.date >= today ? sp.date : fallback.date;
  const start = sp.start && parseHhmm(sp.start) !== null && parseHhmm(sp.start)! < 1440 ? sp.start : fallback.start;
  const sizeWanted = Math.floor(Number(sp.size));
  const size = Number.isFinite(sizeWanted) && sizeWanted >= 1 ? String(Math.min(sizeWanted, room.size)) : "";
  const purpose = typeof sp.purpose === "string" ? sp.purpose.slice(0, 200) : "";

  return (
    <div className="space-y-4">
      <div className={card}>
        <p className="text-sm text-slate-600">{t("bookTitle")}</p>
        <h1 className="text-xl font-semibold">{room.place}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {t("capacity", { n: room.size })} · {t("openHours", { from: minutesToHhmm(settings.openMinute), to: minutesToHhmm(settings.closeMinute) })}
        </p>
      </div>
      {room.available ? (
        <QueryProvider>
        <BookingForm
          tz={zone()}
          today={today}
          room={{ id: room.roomId, place: room.place, size: room.size }}
          initial={{ date, start, duration: String(duration), phone: profile?.phone ?? "", size, purpose }}
          caps={caps}
        />
        </QueryProvider>
      ) : (
        <ErrorState title={t("roomClosed")} />
      )}
    </div>
  );
}
