// The 404 page of every unmatched page path and of notFound() in pages (issue 11 §1.3): Chinese by default, English
// with the `lang` cookie, inside the app's look, with a way home. JSON clients never see it: unknown paths asked for
// as JSON (or under /api) are rewritten to /api/unknown-path by next.config.mjs's fallback rewrites.
import type { Metadata } from "next";
import Link from "next/link";
import { LangToggle } from "@/app/_components/user/lang-toggle";
import { btnPrimary, btnSecondary, focusRing } from "@/app/_components/ui/kit";
import { getT } from "@/lib/i18n/locale";

export const metadata: Metadata = { title: "404", robots: { index: false } };

export default async function NotFound() {
  const { t, locale } = await getT();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-3xl items-center gap-3 px-4 py-3">
          <Link href="/" className={`flex items-center gap-2 rounded text-lg font-semibold ${focusRing}`}>
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8">
              <rect x="3" y="5" width="18" height="16" rx="3" />
              <path d="M3 10h18M8 3v4M16 3v4M8 14h3" strokeLinecap="round" />
            </svg>
            {t("appName")}
          </Link>
          <div className="ml-auto">
            <LangToggle locale={locale} label={t("langToggleLabel")} text={t("langToggle")} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto flex w-full max-w-3xl flex-1 flex-col items-center justify-center px-4 py-12 text-center">
        <p className="text-6xl font-bold tracking-tight text-brand-600" aria-hidden="true">
          404
        </p>
        {/* No data-errcode here: this component travels in every page's RSC payload as the not-found fallback. */}
        <h1 className="mt-4 text-xl font-semibold text-slate-900">
          {t("notFoundTitle")}
        </h1>
        <p className="mt-2 text-slate-600">{t("notFoundHint")}</p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <Link href="/" className={btnPrimary}>
            {t("notFoundHome")}
          </Link>
          <Link href="/admin" className={btnSecondary}>
            {t("notFoundAdmin")}
          </Link>
        </div>
      </main>
    </div>
  );
}
