// The demo mailbox (DEMO_LOGIN=1 only): WeCom messages, campus notices and calendar entries the system sent to the
// fakes that `npm run demo` runs. Anywhere else this page does not exist.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { readDemoMailbox, type MailboxItem } from "@/lib/services/demo/read-demo-mailbox";
import { formatDateTime } from "@/lib/time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "演示信箱" };

const CHANNEL: Record<MailboxItem["channel"], string> = {
  wecom: "企业微信消息",
  "campus-notice": "校园平台通知",
  "campus-calendar": "校园平台日程",
};

export default async function DemoMailboxPage() {
  const box = await readDemoMailbox();
  if (!box.enabled) notFound();
  return (
    <main className="mx-auto max-w-3xl p-4">
      <header className="mb-4 rounded-2xl bg-brand-700 p-5 text-white shadow">
        <h1 className="text-xl font-semibold">演示信箱</h1>
        <p className="mt-1 text-sm text-brand-100">
          演示环境中，系统发给企业微信和校园平台的消息都会出现在这里（最新的在上面）。
        </p>
        <p className="mt-3 flex gap-4 text-sm">
          <Link className="underline" href="/">返回首页</Link>
          <Link className="underline" href="/admin">管理后台</Link>
          <Link className="underline" href="/demo/mailbox">刷新</Link>
        </p>
      </header>
      {box.unreachable.length > 0 && (
        <p role="status" className="mb-3 rounded-xl bg-warning-50 p-3 text-sm text-warning-900">
          未能读取：{box.unreachable.join("、")}（演示用的模拟服务没有运行）
        </p>
      )}
      {box.items.length === 0 ? (
        <p className="rounded-2xl bg-white p-6 text-center text-slate-600 shadow-sm">
          还没有消息。以管理员身份审核一个待审核的预约，或取消一个预约，消息就会出现在这里。
        </p>
      ) : (
        <ul className="space-y-3" aria-label="消息">
          {box.items.map((m, i) => (
            <li key={i} className="rounded-2xl bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                <span className="rounded bg-brand-50 px-2 py-0.5 font-medium text-brand-700">{CHANNEL[m.channel]}</span>
                <span>发给 {m.to || "—"}</span>
                <span className="ml-auto">{m.at ? formatDateTime(new Date(m.at)) : ""}</span>
              </div>
              {m.title && <p className="mt-2 font-medium">{m.title}</p>}
              <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{m.content}</p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
