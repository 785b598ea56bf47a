// Admin sign-in page: password, or WeCom QR code (legacy pages/login.html).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AdminLoginForm } from "@/app/_components/auth/admin-login-form";
import { safeNext } from "@/lib/http/login-state";
import { getSessionAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { LOGIN_LIMITS } from "@/lib/services/auth/verify-admin-password";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "管理员登录" };

export default async function AdminLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const wanted = safeNext(typeof sp.next === "string" ? sp.next : undefined, "/meeting/admin");
  const next = wanted.startsWith("/meeting/admin") || wanted.startsWith("/meeting/manage") ? wanted : "/meeting/admin";
  if (await getSessionAdmin()) redirect(next.replace(/^\/meeting/, ""));

  return (
    <main className="grid min-h-dvh bg-slate-100 lg:grid-cols-2">
      <section className="hidden flex-col justify-between bg-slate-900 p-10 text-white lg:flex" aria-hidden>
        <div className="flex items-center gap-2.5">
          <span className="grid h-9 w-9 place-items-center rounded-lg bg-brand-500 font-bold">会</span>
          <span className="font-semibold">会议室预约 · 管理后台</span>
        </div>
        <div>
          <p className="text-3xl font-semibold leading-snug">审核预约、管理会议室，
            <br />
            一目了然。</p>
          <p className="mt-3 max-w-md text-slate-400">待审核队列、冲突提示、会议室利用率和表格导入，都在这里完成。</p>
        </div>
        <p className="text-xs text-slate-500">校园会议室预约系统</p>
      </section>
      <section className="flex items-center justify-center p-4">
        <div className="w-full max-w-sm rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
          <h1 className="text-xl font-semibold text-slate-900">管理员登录</h1>
          <p className="mb-6 mt-1 text-sm text-slate-600">会议室预约管理后台</p>
          {sp.changed === "1" && (
            <p role="status" className="mb-4 rounded-lg bg-success-50 px-3 py-2 text-sm text-success-900">
              密码已修改，请用新密码重新登录。
            </p>
          )}
          <AdminLoginForm next={next} limit={LOGIN_LIMITS.pair.free} windowMinutes={Math.round(LOGIN_LIMITS.pair.maxDelayMs / 60000)} />
          <div className="my-5 flex items-center gap-3 text-xs text-slate-500">
            <span className="h-px flex-1 bg-slate-200" />
            或
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <a
            href="/meeting/admin/qrcode"
            className="flex w-full items-center justify-center gap-2 rounded-lg border border-slate-300 px-4 py-2.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8}>
              <path d="M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2M18 14h2" />
            </svg>
            企业微信扫码登录
          </a>
          <p className="mt-2 text-center text-xs text-slate-500">适用于用户名与企业微信账号相同的管理员。</p>
          {env().DEMO_LOGIN && (
            <p className="mt-4 rounded-lg bg-warning-50 p-3 text-sm text-warning-900" data-testid="demo-admin-hint">
              演示模式：用户名 <b>admin</b>，密码为启动时的 ADMIN_PASSWORD（<code>npm run demo</code> 默认 <code>demo-admin-password</code>）。
            </p>
          )}
        </div>
      </section>
    </main>
  );
}
