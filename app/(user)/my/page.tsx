// Me: avatar, name, userid, role; links to the profile editor and my bookings (legacy my.html).
import type { Metadata } from "next";
import Link from "next/link";
import { Avatar } from "@/app/_components/user/avatar";
import { SignInNeeded } from "@/app/_components/user/sign-in-needed";
import { ErrorState, focusRing } from "@/app/_components/ui/kit";
import { getSessionUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/locale";
import { countMyBookings } from "@/lib/services/booking/count-my-bookings";
import { getProfile } from "@/lib/services/profile/get-profile";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "我" };

export default async function MePage() {
  const { t } = await getT();
  const user = await getSessionUser();
  if (!user) return <SignInNeeded next="/my" />;
  const [profile, counts] = await Promise.all([getProfile(user.id).catch(() => null), countMyBookings(user.id)]);
  if (!profile) return <ErrorState title={t("errorGeneric")} />;
  const link = `flex min-h-14 items-center justify-between px-4 text-base hover:bg-slate-50 ${focusRing}`;

  return (
    <div className="space-y-4">
      <h1 className="sr-only">{t("meTitle")}</h1>
      <section className="flex items-center gap-4 rounded-2xl bg-gradient-to-br from-brand-600 to-brand-700 p-5 text-white shadow">
        <Avatar src={profile.avatar} name={profile.name} size={72} />
        <div className="min-w-0">
          <p className="truncate text-xl font-semibold">{profile.name || profile.userid}</p>
          <p className="mt-0.5 text-sm text-white/90">
            {profile.userid} · {profile.role === 1 ? t("roleStudent") : t("roleTeacher")}
          </p>
        </div>
      </section>
      <ul className="grid grid-cols-2 gap-3">
        <li>
          <Link href="/my/bookings?status=2" className={`block rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/70 ${focusRing}`}>
            <span className="block text-2xl font-semibold tabular-nums">{counts[2]}</span>
            <span className="text-sm text-slate-700">{t("tabPending")}</span>
          </Link>
        </li>
        <li>
          <Link href="/my/bookings?status=3" className={`block rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/70 ${focusRing}`}>
            <span className="block text-2xl font-semibold tabular-nums">{counts[3]}</span>
            <span className="text-sm text-slate-700">{t("tabApproved")}</span>
          </Link>
        </li>
      </ul>
      <nav aria-label={t("meTitle")} className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200/70">
        <ul className="divide-y divide-slate-100">
          <li>
            <Link href="/my/profile" className={link}>
              {t("editProfile")} <span aria-hidden="true">›</span>
            </Link>
          </li>
          <li>
            <Link href="/my/bookings" className={link}>
              {t("myBookings")} <span aria-hidden="true">›</span>
            </Link>
          </li>
        </ul>
      </nav>
      <details className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/70">
        <summary className={`cursor-pointer rounded font-medium ${focusRing}`}>{t("faq")}</summary>
        <p className="mt-2 text-sm text-slate-700">{t("faqBody")}</p>
      </details>
    </div>
  );
}
