// Previous / "第 x / y 页" / next under a paged list (the home results, my bookings). Pages are links: the page
// number lives in the URL, built by the caller's `href`. Nothing when everything fits on one page.
import Link from "next/link";
import { getT } from "@/lib/i18n/locale";
import { btnSecondary, focusRing } from "../ui/kit";

export async function Pager({ page, pages, href, label }: { page: number; pages: number; href: (page: number) => string; label: string }) {
  if (pages <= 1) return null;
  const { t } = await getT();
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 pt-1">
      {page > 1 ? (
        <Link href={href(page - 1)} className={`${btnSecondary} ${focusRing}`} rel="prev">
          ‹ {t("resultsPrev")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm tabular-nums text-slate-600" aria-current="page">
        {t("resultsPageOf", { page, pages })}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className={`${btnSecondary} ${focusRing}`} rel="next">
          {t("resultsNext")} ›
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
