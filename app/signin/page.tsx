// Sign-in page for a browser outside the WeCom client: WeCom web login (QR code), and demo users when DEMO_LOGIN=1.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNext } from "@/lib/http/login-state";
import { getSessionUser } from "@/lib/auth/session";
import { listDemoUsers } from "@/lib/services/auth/sign-in-demo-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "登录" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const next = safeNext(typeof sp.next === "string" ? sp.next : undefined);
  if (await getSessionUser()) redirect(next.replace(/^\/meeting/, "") || "/");
  const demoUsers = await listDemoUsers();
  const qrHref = `/meeting/auth/start?${new URLSearchParams({ via: "web", next })}`;

  return (
    <main className="mx-auto max-w-md p-4">
      <header className="mb-6 rounded-2xl bg-brand-500 p-5 text-white shadow">
        <h1 className="text-xl font-semibold">会议室预约</h1>
        <p className="mt-1 text-sm text-brand-100">请在企业微信客户端打开链接，或用企业微信扫码登录。</p>
      </header>
      <section className="rounded-2xl bg-white p-5 shadow-sm">
        <h2 className="font-medium">登录</h2>
        <p className="mt-2 text-sm text-slate-600">在手机或电脑上的企业微信中打开本应用会自动登录。在普通浏览器中，请使用企业微信扫码。</p>
        <a href={qrHref} className="mt-4 block rounded-xl bg-brand-500 px-4 py-3 text-center font-medium text-white hover:bg-brand-600">
          企业微信扫码登录
        </a>
      </section>
      {demoUsers.length > 0 && (
        <section className="mt-4 rounded-2xl border border-warning-300 bg-warning-50 p-5" aria-labelledby="demo">
          <h2 id="demo" className="font-medium text-warning-900">演示登录</h2>
          <p className="mt-1 text-sm text-warning-800">演示模式（DEMO_LOGIN=1）：无需企业微信，选择一位演示用户即可登录。</p>
          <ul className="mt-3 space-y-2">
            {demoUsers.map((u) => (
              <li key={u.userid}>
                <form method="post" action="/meeting/auth/demo">
                  <input type="hidden" name="userid" value={u.userid} />
                  <input type="hidden" name="next" value={next} />
                  <button type="submit" className="w-full rounded-xl bg-white px-4 py-2 text-left shadow-sm hover:bg-warning-100">
                    {u.name} <span className="text-sm text-slate-500">（{u.role === 1 ? "学生" : "教师"} · {u.userid}）</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
