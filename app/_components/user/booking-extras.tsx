// Detail page additions: the check-in state (rooms that require check-in, or a booking someone checked in to) and
// the .ics download. Server components; the page reads the check-in fact (lib/services/checkin/get-check-in-state.ts).
import { getT } from "@/lib/i18n/locale";
import type { CheckInState } from "@/lib/services/checkin/get-check-in-state";
import { zone } from "@/lib/time";
import { hhmmIn } from "@/lib/zoned-time";
import { BASE } from "../data/client";
import { btnSecondary } from "../ui/kit";

/** `live`: the booking is pending or approved (a check-in still to come is shown only then). */
export async function BookingCheckIn({ state: s, live }: { state: CheckInState; live: boolean }) {
  const { t } = await getT();
  if (s.kind === "notRequired") return null;
  if (s.kind === "pending" && !live) return null;
  const hm = (d: Date) => hhmmIn(d, zone());
  const text =
    s.kind === "done"
      ? s.byName
        ? t("checkInDoneBy", { name: s.byName, time: hm(s.at) })
        : t("checkInDoneAt", { time: hm(s.at) })
      : s.kind === "missed"
        ? t("checkInMissed")
        : t("checkInPending", { open: hm(s.opensAt), close: hm(s.closesAt) });
  const tone =
    s.kind === "done" ? "bg-success-50 text-success-900 ring-success-200" : s.kind === "missed" ? "bg-danger-50 text-danger-900 ring-danger-200" : "bg-warning-50 text-warning-900 ring-warning-200";
  return (
    <p data-checkin-state={s.kind} className={`rounded-xl px-3 py-2 text-sm ring-1 ${tone}`}>
      <span className="font-medium">{t("checkInState")}：</span>
      {text}
    </p>
  );
}

export async function AddToCalendar({ id }: { id: number }) {
  const { t } = await getT();
  return (
    <a href={`${BASE}/ical/booking/${id}.ics`} download className={btnSecondary}>
      {t("addToCalendar")}
    </a>
  );
}
