// Shell of the pages students and staff use inside WeCom: header with language toggle, tab bar, providers.
import { BottomNav } from "@/app/_components/user/bottom-nav";
import { AppHeader } from "@/app/_components/user/app-header";
import { UserProviders } from "@/app/_components/user/providers";
import { getT } from "@/lib/i18n/locale";

export default async function UserLayout({ children }: { children: React.ReactNode }) {
  const { t, dict, locale } = await getT();
  return (
    <UserProviders dict={dict} locale={locale}>
      <a href="#main" className="sr-only z-50 rounded bg-white px-3 py-2 text-brand-700 focus:not-sr-only focus:fixed focus:left-2 focus:top-2">
        {t("skipToContent")}
      </a>
      <AppHeader>
        <div className="hidden md:block">
          <BottomNav />
        </div>
      </AppHeader>
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 pb-28 pt-4 outline-none md:pb-12 md:pt-6">
        {children}
      </main>
      <div className="md:hidden">
        <BottomNav />
      </div>
    </UserProviders>
  );
}
