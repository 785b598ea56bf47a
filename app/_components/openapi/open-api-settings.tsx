"use client";
// Open API settings: credentials (secret shown once), event subscription with check_url verification, delivery log.
import { useState, useTransition } from "react";
import {
  createCredentialAction,
  generateKeysAction,
  replayDeliveryAction,
  revokeCredentialAction,
  saveSubscriptionAction,
} from "@/app/manage/settings/openApi/actions";

export interface AppRow {
  id: number;
  appkey: string;
  name: string;
  companyId: string;
  createdAt: string;
  revokedAt: string;
  subscription: { callbackUrl: string; aesKey: string; token: string; verifiedAt: string } | null;
}

export interface DeliveryRow {
  id: number;
  credentialId: number | null;
  eventType: string;
  objectId: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string;
  nextAttemptAt: string;
}

const card = "rounded-2xl bg-white p-5 shadow";
const btn = "rounded-lg bg-blue-600 px-3 py-1.5 text-sm text-white hover:bg-blue-700 disabled:opacity-50";
const input = "w-full rounded-lg border border-slate-300 px-2 py-1.5 text-sm font-mono";

export function OpenApiSettings({ apps, deliveries }: { apps: AppRow[]; deliveries: DeliveryRow[] }) {
  const [pending, start] = useTransition();
  const [created, setCreated] = useState<{ appkey: string; appsecret: string; companyId: string } | null>(null);
  const [error, setError] = useState("");
  const [name, setName] = useState("");

  return (
    <main className="mx-auto max-w-5xl space-y-6 p-4">
      <h1 className="text-xl font-semibold">开放接口设置</h1>
      <section className={card}>
        <h2 className="mb-3 font-semibold">应用凭证</h2>
        <div className="flex gap-2">
          <input className={input} placeholder="应用名称（可选）" value={name} onChange={(e) => setName(e.target.value)} aria-label="应用名称" />
          <button
            className={btn}
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await createCredentialAction(name);
                if (r.ok) {
                  setCreated({ appkey: r.value.appkey, appsecret: r.value.appsecret, companyId: r.value.companyId });
                  setError("");
                } else setError(r.error);
              })
            }
          >
            生成凭证
          </button>
        </div>
        {created && (
          <div className="mt-3 rounded-lg bg-amber-50 p-3 text-sm" data-testid="new-credential">
            <p className="font-semibold text-amber-900">AppSecret 只显示这一次，请立即保存。</p>
            <p>
              Appkey：<code data-testid="new-appkey">{created.appkey}</code>
            </p>
            <p>
              AppSecret：<code data-testid="new-appsecret">{created.appsecret}</code>
            </p>
            <p>公司ID：{created.companyId}</p>
          </div>
        )}
        {error && <p className="mt-2 text-sm text-red-600" role="alert">{error}</p>}
        <ul className="mt-4 space-y-4">
          {apps.map((a) => (
            <AppItem key={a.id} app={a} />
          ))}
        </ul>
      </section>
      <section className={card}>
        <h2 className="mb-3 font-semibold">事件推送记录</h2>
        <table className="w-full text-left text-xs" data-testid="deliveries">
          <thead>
            <tr className="text-slate-500">
              <th>#</th>
              <th>事件</th>
              <th>对象</th>
              <th>时间</th>
              <th>状态</th>
              <th>次数</th>
              <th>最后错误</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id} className="border-t border-slate-100 align-top">
                <td>{d.id}</td>
                <td>{d.eventType}</td>
                <td className="font-mono">{d.objectId}</td>
                <td>{d.deliveredAt || d.createdAt}</td>
                <td>{d.status === "delivered" ? "已送达" : d.status === "failed" ? "已放弃" : `待重试（${d.nextAttemptAt}）`}</td>
                <td>{d.attempts}</td>
                <td className="max-w-xs break-words text-red-700">{d.lastError}</td>
                <td>
                  {d.status !== "pending" && (
                    <button className="text-blue-600 hover:underline" disabled={pending} onClick={() => start(async () => void (await replayDeliveryAction(d.id)))}>
                      重放
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}

function AppItem({ app }: { app: AppRow }) {
  const [pending, start] = useTransition();
  const [url, setUrl] = useState(app.subscription?.callbackUrl ?? "");
  const [aesKey, setAesKey] = useState(app.subscription?.aesKey ?? "");
  const [token, setToken] = useState(app.subscription?.token ?? "");
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const revoked = Boolean(app.revokedAt);

  return (
    <li className="rounded-xl border border-slate-200 p-3" data-testid={`app-${app.appkey}`}>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span>
          <b>{app.name || "未命名应用"}</b> · Appkey <code>{app.appkey}</code> · 公司ID {app.companyId} · 创建于 {app.createdAt}
          {revoked && <span className="ml-2 text-red-600">已撤销（{app.revokedAt}）</span>}
        </span>
        {!revoked && (
          <button
            className="rounded-lg border border-red-300 px-2 py-1 text-xs text-red-700"
            disabled={pending}
            onClick={() => {
              if (confirm(`撤销 ${app.appkey}？其访问凭证立即失效。`)) start(async () => void (await revokeCredentialAction(app.id)));
            }}
          >
            撤销
          </button>
        )}
      </div>
      {!revoked && (
        <div className="mt-3 grid gap-2 text-sm">
          <label>
            请求网址
            <input className={input} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/meeting/events" />
          </label>
          <label>
            加密 aes_key
            <input className={input} value={aesKey} onChange={(e) => setAesKey(e.target.value)} />
          </label>
          <label>
            签名 token
            <input className={input} value={token} onChange={(e) => setToken(e.target.value)} />
          </label>
          <div className="flex gap-2">
            <button
              className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const r = await generateKeysAction();
                  if (r.ok) {
                    setAesKey(r.value.aesKey);
                    setToken(r.value.token);
                  }
                })
              }
            >
              刷新
            </button>
            <button
              className={btn}
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const r = await saveSubscriptionAction({ credentialId: app.id, callbackUrl: url, aesKey, token });
                  setMsg(r.ok ? { ok: true, text: `已保存：回调地址在 ${r.value.ms} ms 内返回了 success` } : { ok: false, text: r.error });
                })
              }
            >
              保存
            </button>
          </div>
          {app.subscription && <p className="text-xs text-slate-500">上次验证通过：{app.subscription.verifiedAt}</p>}
          {msg && (
            <p className={msg.ok ? "text-sm text-green-700" : "text-sm text-red-600"} role={msg.ok ? "status" : "alert"}>
              {msg.text}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
