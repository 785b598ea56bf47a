"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { BASE } from "../data/client";
import { visibleNav } from "./nav";

export interface ShellAdmin {
  username: string;
  privileged: boolean;
}

function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5 shrink-0" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}

function NavLinks({ privileged, onNavigate }: { privileged: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {visibleNav(privileged).map((item) => {
        const active = item.href === "/admin" ? pathname === "/admin" : pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={`flex items-center gap-3 rounded-lg px-3 py-2.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-brand-300 ${
                active ? "bg-white/15 text-white" : "text-slate-300 hover:bg-white/10 hover:text-white"
              }`}
            >
              <Icon d={item.icon} />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function Brand() {
  return (
    <div className="flex items-center gap-2.5">
      <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-500 text-sm font-bold text-white">会</span>
      <span className="text-sm font-semibold leading-tight text-white">
        会议室预约
        <span className="block text-xs font-normal text-slate-400">管理后台</span>
      </span>
    </div>
  );
}

function Account({ admin }: { admin: ShellAdmin }) {
  return (
    <div className="border-t border-white/10 pt-4">
      <p className="truncate text-sm font-medium text-white" title={admin.username}>
        {admin.username}
      </p>
      <p className="text-xs text-slate-400">{admin.privileged ? "超级管理员" : "普通管理员"}</p>
      {/* A plain link: sign-out is the legacy GET /logout, which clears the cookie and redirects. */}
      <a href={`${BASE}/logout`} className="mt-3 inline-flex items-center gap-1 rounded text-sm text-slate-300 hover:text-white focus-visible:outline-2 focus-visible:outline-brand-300">
        退出登录 →
      </a>
    </div>
  );
}

export function ConsoleShell({ admin, children }: { admin: ShellAdmin; children: React.ReactNode }) {
  // The drawer stays open only on the page it was opened on: navigating closes it.
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (v: boolean) => setOpenOn(v ? pathname : null);
  return (
    <div className="min-h-dvh bg-slate-100 md:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        跳到主要内容
      </a>
      {/* Tablet and desktop: a fixed sidebar. */}
      <aside className="hidden w-56 shrink-0 bg-slate-900 md:block">
        <div className="sticky top-0 flex h-dvh flex-col gap-6 px-3 py-5">
          <div className="px-2">
            <Brand />
          </div>
          <nav aria-label="主导航" className="flex-1 overflow-y-auto">
            <NavLinks privileged={admin.privileged} />
          </nav>
          <div className="px-2">
            <Account admin={admin} />
          </div>
        </div>
      </aside>
      {/* Phone: a top bar and a drawer. */}
      <header className="sticky top-0 z-30 flex h-14 items-center justify-between bg-slate-900 px-4 md:hidden">
        <Brand />
        <button
          type="button"
          onClick={() => setOpen(true)}
          aria-expanded={open}
          aria-controls="mobile-nav"
          className="rounded-lg p-2 text-slate-200 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-brand-300"
        >
          <span className="sr-only">打开菜单</span>
          <Icon d="M4 6h16M4 12h16M4 18h16" />
        </button>
      </header>
      {open && (
        <div className="fixed inset-0 z-40 md:hidden" role="dialog" aria-modal="true" aria-label="菜单">
          <button type="button" className="absolute inset-0 bg-slate-900/50" onClick={() => setOpen(false)} aria-label="关闭菜单" />
          <div id="mobile-nav" className="absolute inset-y-0 left-0 flex w-64 flex-col gap-6 bg-slate-900 px-3 py-5">
            <div className="px-2">
              <Brand />
            </div>
            <nav aria-label="主导航" className="flex-1 overflow-y-auto">
              <NavLinks privileged={admin.privileged} onNavigate={() => setOpen(false)} />
            </nav>
            <div className="px-2">
              <Account admin={admin} />
            </div>
          </div>
        </div>
      )}
      <main id="main" className="min-w-0 flex-1 px-4 py-5 sm:px-6 lg:px-8 lg:py-8">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}

/** Shown instead of a super-admin page to a normal admin who typed its URL. */
export function Forbidden() {
  return (
    <div role="alert" className="mx-auto mt-10 max-w-md rounded-xl border border-warning-200 bg-white p-6 text-center shadow-sm">
      <p className="text-3xl" aria-hidden>
        🔒
      </p>
      <h1 className="mt-2 text-lg font-semibold text-slate-900">管理员权限不足</h1>
      <p className="mt-2 text-sm text-slate-600">此页面仅超级管理员可以使用。如需操作，请联系超级管理员。</p>
      <Link href="/admin" className="mt-4 inline-block rounded text-sm font-medium text-brand-700 hover:underline">
        返回概览
      </Link>
    </div>
  );
}
