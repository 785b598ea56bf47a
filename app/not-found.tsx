// The 404 page of every unmatched page path and of notFound() in pages (issue 11 §1.3): Chinese by default, English
// with the `lang` cookie, inside the app's look, with a way home. JSON clients never see it: unknown paths asked for
// as JSON (or under /api) are rewritten to /api/unknown-path by next.config.mjs's fallback rewrites.
import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/app/_components/user/app-header";
import { btnPrimary, btnSecondary } from "@/app/_components/ui/kit";
import { getT } from "@/lib/i18n/locale";

export const metadata: Metadata = { title: "404", robots: { index: false } };

export default async function NotFound() {
  const { t } = await getT();
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader />
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
