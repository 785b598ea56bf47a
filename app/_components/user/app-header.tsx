// The blue header of the user pages and the 404 page: the app's name (home link) and, on the right, what the page adds
// (the tab bar on wide screens) followed by the language toggle.
import Link from "next/link";
import { LangToggle } from "@/app/_components/user/lang-toggle";
import { focusRing } from "@/app/_components/ui/kit";
import { getT } from "@/lib/i18n/locale";

export async function AppHeader({ children }: { children?: React.ReactNode }) {
  const { t, locale } = await getT();
  return (
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
          {children}
          <LangToggle locale={locale} label={t("langToggleLabel")} text={t("langToggle")} />
        </div>
      </div>
    </header>
  );
}
