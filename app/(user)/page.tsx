// Home: find a room. Defaults chosen on the server in the campus zone, first results rendered with the page.
import type { Metadata } from "next";
import { RoomSearch, type SearchPreset } from "@/app/_components/user/room-search";
import { getT } from "@/lib/i18n/locale";
import { getRoomAvailability } from "@/lib/services/rooms/get-room-availability";
import { listOpenRooms } from "@/lib/services/rooms/list-open-rooms";
import { getSettings } from "@/lib/services/settings/get-settings";
import { formatDate, localMinuteOfDay, zone } from "@/lib/time";
import { addDays, minutesToHhmm } from "@/lib/zoned-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "找会议室" };

export default async function HomePage() {
  const { t } = await getT();
  const now = new Date();
  const [settings, rooms] = await Promise.all([getSettings(), listOpenRooms()]);
  const today = formatDate(now);
  const tomorrow = addDays(today, 1);
  const nowMinute = localMinuteOfDay(now);
  const clampOpen = (m: number) => Math.max(settings.openMinute, m);

  // "Now" rounds up to the next 5 minutes; late in the day every preset moves to tomorrow.
  const soon = Math.ceil((nowMinute + 1) / 5) * 5;
  const nextHour = (Math.floor(nowMinute / 60) + 1) * 60;
  const lateToday = nowMinute + 30 > settings.closeMinute;
  const presets: SearchPreset[] = (
    [
    { key: "quickNow" as const, date: lateToday ? tomorrow : today, start: minutesToHhmm(lateToday ? settings.openMinute : clampOpen(soon)) },
    { key: "quickNextHour" as const, date: lateToday ? tomorrow : today, start: minutesToHhmm(lateToday ? settings.openMinute : clampOpen(nextHour)) },
    { key: "quickTomorrowMorning" as const, date: tomorrow, start: minutesToHhmm(clampOpen(9 * 60)) },
    ] satisfies SearchPreset[]
  ).filter((p) => Number(p.start.slice(0, 2)) < 24);

  const initial = { date: lateToday ? tomorrow : today, start: "", duration: 60, size: 0, roomId: 0 };
  const initialData = await getRoomAvailability({ ...initial, start: undefined }, now);

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
      <RoomSearch
        tz={zone()}
        today={today}
        rooms={rooms.map((r) => ({ id: r.id, place: r.place, size: r.size }))}
        presets={presets}
        initial={initial}
        initialData={initialData}
      />
    </div>
  );
}
