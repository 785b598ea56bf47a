// Edit profile: avatar upload and gender, age, phone, email (legacy edit_info.html over GET/POST /profile).
import type { Metadata } from "next";
import { CalendarFeed } from "@/app/_components/user/calendar-feed";
import { ProfileForm } from "@/app/_components/user/profile-form";
import { QueryProvider } from "@/app/_components/user/providers";
import { SignInNeeded } from "@/app/_components/user/sign-in-needed";
import { ErrorState } from "@/app/_components/ui/kit";
import { getSessionUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/locale";
import { feedUrls, getOrCreateIcalToken } from "@/lib/services/ical/feeds";
import { getProfile } from "@/lib/services/profile/get-profile";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "编辑资料" };

export default async function ProfilePage() {
  const { t } = await getT();
  const user = await getSessionUser();
  if (!user) return <SignInNeeded next="/my/profile" />;
  const profile = await getProfile(user.id).catch(() => null);
  if (!profile) return <ErrorState title={t("errorGeneric")} />;
  const feed = feedUrls(`/ical/${await getOrCreateIcalToken(user.id)}.ics`);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("profileTitle")}</h1>
      <QueryProvider>
        <ProfileForm profile={profile} />
        <CalendarFeed initial={feed} />
      </QueryProvider>
    </div>
  );
}
