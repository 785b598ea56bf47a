"use client";
// The tab bar of the user pages (legacy: 会议室预约 / 我). Fixed at the bottom on phones, a top row on desktop.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import type { DictKey } from "@/lib/i18n/dictionaries";
import { focusRing } from "../ui/classes";

const TABS: { href: string; key: DictKey; match: (p: string) => boolean; icon: React.ReactNode }[] = [
  {
    href: "/",
    key: "navHome",
    match: (p) => p === "/" || p.startsWith("/room") || p.startsWith("/appointment"),
    icon: <path d="M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14Zm9 16-4.35-4.35" />,
  },
  {
    href: "/my/bookings",
    key: "navBookings",
    match: (p) => p.startsWith("/my/bookings") || p.startsWith("/history"),
    icon: <path d="M4 6h16M4 12h16M4 18h10" />,
  },
  {
    href: "/my",
    key: "navMe",
    match: (p) => p === "/my" || p.startsWith("/my/profile"),
    icon: <path d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0" />,
  },
];

export function BottomNav() {
  const { t } = useT();
  const pathname = usePathname();
  return (
    <nav
      aria-label={t("appName")}
      className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:static md:border-0 md:bg-transparent md:pb-0"
    >
      <ul className="mx-auto flex max-w-3xl md:justify-end md:gap-2">
        {TABS.map((tab) => {
          const active = tab.match(pathname);
          return (
            <li key={tab.href} className="flex-1 md:flex-none">
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs md:min-h-10 md:flex-row md:gap-2 md:rounded-full md:px-4 md:text-sm ${
                  active ? "font-semibold text-brand-700 md:bg-white md:text-brand-700" : "text-slate-600 md:text-white/90 md:hover:bg-white/10"
                } ${focusRing}`}
              >
                <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 md:size-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
                  {tab.icon}
                </svg>
                {t(tab.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
