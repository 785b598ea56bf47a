// Shell of the pages students and staff use inside WeCom: header with language toggle, tab bar, providers.
import Link from "next/link";
import { BottomNav } from "@/app/_components/user/bottom-nav";
import { LangToggle } from "@/app/_components/user/lang-toggle";
import { UserProviders } from "@/app/_components/user/providers";
import { focusRing } from "@/app/_components/ui/kit";
import { getT } from "@/lib/i18n/locale";

export default async function UserLayout({ children }: { children: React.ReactNode }) {
  const { t, dict, locale } = await getT();
  return (
    <UserProviders dict={dict} locale={locale}>
      <a href="#main" className="sr-only z-50 rounded bg-white px-3 py-2 text-brand-700 focus:not-sr-only focus:fixed focus:left-2 focus:top-2">
        {t("skipToContent")}
      </a>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-3xl items-center gap-3 px-4 py-3">
          <Link href="/" className={`flex items-center gap-2 rounded text-lg font-semibold ${focusRing}`}>
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8">
              <rect x="3" y="5" width="18" height="16" rx="3" />
              <path d="M3 10h18M8 3v4M16 3v4M8 14h3" strokeLinecap="round" />
            </svg>
            {t("appName")}
          </Link>
          <div className="ml-auto flex items-center gap-3">
            <div className="hidden md:block">
              <BottomNav />
            </div>
            <LangToggle locale={locale} label={t("langToggleLabel")} text={t("langToggle")} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 pb-28 pt-4 outline-none md:pb-12 md:pt-6">
        {children}
      </main>
      <div className="md:hidden">
        <BottomNav />
      </div>
    </UserProviders>
  );
}
