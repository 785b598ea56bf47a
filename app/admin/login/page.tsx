// Admin sign-in page: password, or WeCom QR code (legacy pages/login.html).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AdminLoginForm } from "@/app/_components/auth/admin-login-form";
import { safeNext } from "@/lib/auth/login-state";
import { getSessionAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "管理员登录" };

export default async function AdminLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const wanted = safeNext(typeof sp.next === "string" ? sp.next : undefined, "/meeting/admin");
  const next = wanted.startsWith("/meeting/admin") || wanted.startsWith("/meeting/manage") ? wanted : "/meeting/admin";
  if (await getSessionAdmin()) redirect(next.replace(/^\/meeting/, ""));

  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-2xl bg-white p-6 shadow">
        <h1 className="text-xl font-semibold">会议室预约 · 管理员登录</h1>
        <p className="mt-1 mb-5 text-sm text-slate-500">管理后台</p>
        <AdminLoginForm next={next} />
        <div className="mt-4 border-t border-slate-100 pt-4 text-center">
          <a href="/meeting/admin/qrcode" className="text-sm text-brand-600 hover:underline">
            企业微信扫码登录
          </a>
          <p className="mt-1 text-xs text-slate-400">扫码登录适用于用户名与企业微信账号相同的管理员。</p>
        </div>
        {env().DEMO_LOGIN && (
          <p className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="demo-admin-hint">
            演示模式：用户名 <b>admin</b>，密码为启动时的 ADMIN_PASSWORD（<code>npm run demo</code> 默认 <code>demo-admin-password</code>）。
          </p>
        )}
      </div>
    </main>
  );
}
