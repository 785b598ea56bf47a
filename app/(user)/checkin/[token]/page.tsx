// Check-in (opened by scanning a room's printed QR code inside WeCom): the signed-in booker or attendee checks in
// to their booking of this room while its window is open.
import type { Metadata } from "next";
import Link from "next/link";
import { CheckInButton } from "@/app/_components/user/check-in-button";
import { QueryProvider } from "@/app/_components/user/providers";
import { SignInNeeded } from "@/app/_components/user/sign-in-needed";
import { PageError } from "@/app/_components/user/page-error";
import { card, focusRing } from "@/app/_components/ui/kit";
import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/locale";
import { getCheckInView } from "@/lib/services/checkin/check-in";
import { whereLabel } from "@/lib/domain/where-label";
import { zone } from "@/lib/time";
import { hhmmIn } from "@/lib/zoned-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "会议签到" };

export default async function CheckInPage({ params }: { params: Promise<{ token: string }> }) {
  const { t } = await getT();
  const { token } = await params;
  const user = await getSessionUser();
  if (!user) return <SignInNeeded next={`/checkin/${token}`} />;
  let view;
  try {
    view = await getCheckInView(token, user.id);
  } catch (e) {
    if (!isAppError(e)) throw e;
    return <PageError code={e.code} title={t("checkInNotFound")} link={{ href: "/my/bookings", text: t("myBookings") }} />;
  }
  const tz = zone();
  const hm = (d: Date) => hhmmIn(d, tz);
  const b = view.current;
  const where = whereLabel(view.building, view.floor);

  return (
    <div className="space-y-4" data-checkin={b ? (b.checkedInAt ? "done" : "open") : "none"}>
      <section className="rounded-2xl bg-gradient-to-br from-brand-600 to-brand-700 p-5 text-white shadow">
        <p className="text-sm text-white/90">{t("checkInTitle")}</p>
        <h1 className="mt-1 text-2xl font-semibold">{view.place}</h1>
        {where && <p className="mt-1 text-sm text-white/90">{where}</p>}
      </section>
      <section className={card} aria-live="polite">
        {b ? (
          <>
            <p className="text-sm text-slate-600">
              {hm(b.startsAt)}–{hm(b.endsAt)}
            </p>
            <h2 className="mt-1 text-lg font-semibold">{b.purpose || view.place}</h2>
            {b.checkedInAt ? (
              <div className="mt-4 flex items-center gap-3 rounded-xl bg-success-50 p-4 text-success-900 ring-1 ring-success-200">
                <svg aria-hidden="true" viewBox="0 0 24 24" className="h-8 w-8 shrink-0 fill-none stroke-current stroke-2">
                  <circle cx="12" cy="12" r="10" />
                  <path d="m7 12.5 3.2 3.2L17 9" />
                </svg>
                <div>
                  <p className="font-semibold">{t("checkInDone")}</p>
                  <p className="text-sm">
                    {b.checkedInByName ? t("checkInDoneBy", { name: b.checkedInByName, time: hm(b.checkedInAt) }) : t("checkInDoneAt", { time: hm(b.checkedInAt) })}
                  </p>
                </div>
              </div>
            ) : (
              <div className="mt-4 space-y-3">
                <p className="text-sm text-slate-700">{t("checkInLead", { before: view.beforeMinutes, after: view.afterMinutes })}</p>
                <QueryProvider>
                  <CheckInButton token={token} />
                </QueryProvider>
              </div>
            )}
            <Link href={`/history/detail/${b.id}`} className={`mt-4 inline-block text-sm font-medium text-brand-700 underline ${focusRing}`}>
              {t("bookingNo", { id: b.id })}
            </Link>
          </>
        ) : (
          <div className="space-y-2">
            <p className="font-medium">{t("checkInNone")}</p>
            {view.next && (
              <p className="text-sm text-slate-700">
                {t("checkInNext", { from: hm(view.next.startsAt), to: hm(view.next.endsAt), open: hm(view.next.opensAt) })}
              </p>
            )}
            <p className="text-sm text-slate-600">{t("checkInLead", { before: view.beforeMinutes, after: view.afterMinutes })}</p>
          </div>
        )}
      </section>
    </div>
  );
}
