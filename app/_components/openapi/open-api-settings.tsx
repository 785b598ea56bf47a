"use client";
// Open API settings: credentials (secret shown once), event subscription with check_url verification, delivery log.
import { useState, useTransition } from "react";
import { humanMessage } from "@/app/_components/data/client";
import { Badge, Button, Card, EmptyState, inputClass, PageHeader } from "@/app/_components/ui/kit";
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

const input = `${inputClass} font-mono`;
const FIELD_TEXT: Record<string, string> = { aesKey: "加密 aes_key", token: "签名 token", callbackUrl: "请求网址", name: "应用名称" };

/** `数据格式有误(aesKey: 应为43位字母或数字)` → `加密 aes_key：应为43位字母或数字`: people never see field names. */
function human(text: string): string {
  const m = /^数据格式有误\(([A-Za-z]+): (.+)\)$/s.exec(text);
  if (m) return FIELD_TEXT[m[1]] ? `${FIELD_TEXT[m[1]]}：${m[2]}` : m[2];
  return humanMessage(text);
}

export function OpenApiSettings({ apps, deliveries }: { apps: AppRow[]; deliveries: DeliveryRow[] }) {
  const [pending, start] = useTransition();
  const [created, setCreated] = useState<{ appkey: string; appsecret: string; companyId: string } | null>(null);
  const [error, setError] = useState("");
  const [name, setName] = useState("");

  return (
    <div className="space-y-4">
      <PageHeader title="开放接口" description="为其他系统生成应用凭证、配置事件推送，并查看推送记录。" />
      <Card title="应用凭证">
        <div className="flex gap-2">
          <input className={input} placeholder="应用名称（可选）" value={name} onChange={(e) => setName(e.target.value)} aria-label="应用名称" />
          <Button
            variant="primary"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await createCredentialAction(name);
                if (r.ok) {
                  setCreated({ appkey: r.value.appkey, appsecret: r.value.appsecret, companyId: r.value.companyId });
                  setError("");
                } else setError(human(r.error));
              })
            }
          >
            生成凭证
          </Button>
        </div>
        {created && (
          <div className="mt-3 rounded-lg bg-warning-50 p-3 text-sm" data-testid="new-credential">
            <p className="font-semibold text-warning-900">AppSecret 只显示这一次，请立即保存。</p>
            <p>
              Appkey：<code data-testid="new-appkey">{created.appkey}</code>
            </p>
            <p>
              AppSecret：<code data-testid="new-appsecret">{created.appsecret}</code>
            </p>
            <p>公司ID：{created.companyId}</p>
          </div>
        )}
        {error && <p className="mt-2 text-sm text-danger-700" role="alert">{error}</p>}
        {apps.length === 0 && <EmptyState>还没有应用。填写名称后点“生成凭证”，AppSecret 只显示一次。</EmptyState>}
        <ul className="mt-4 space-y-4">
          {apps.map((a) => (
            <AppItem key={a.id} app={a} />
          ))}
        </ul>
      </Card>
      <Card title="事件推送记录">
        {deliveries.length === 0 ? (
          <div data-testid="deliveries">
            <EmptyState>还没有推送记录。配置事件推送后，预约、会议室、用户和部门的每次变化都会推送并显示在这里。</EmptyState>
          </div>
        ) : (
        <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-left text-xs" data-testid="deliveries">
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
                <td>{d.status === "delivered" ? <Badge tone="green">已送达</Badge> : d.status === "failed" ? <Badge tone="red">已放弃</Badge> : <Badge tone="amber">待重试（{d.nextAttemptAt}）</Badge>}</td>
                <td>{d.attempts}</td>
                <td className="max-w-xs break-words text-danger-700">{d.lastError}</td>
                <td>
                  {d.status !== "pending" && (
                    <button className="text-brand-700 hover:underline" disabled={pending} onClick={() => start(async () => void (await replayDeliveryAction(d.id)))}>
                      重放
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
        )}
      </Card>
    </div>
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
          {revoked && <span className="ml-2 text-danger-700">已撤销（{app.revokedAt}）</span>}
        </span>
        {!revoked && (
          <button
            className="rounded-lg border border-danger-300 px-2 py-1 text-xs text-danger-700"
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
          <div>
            <label htmlFor={`aes-${app.id}`}>加密 aes_key</label>
            <div className="flex gap-2">
              <input id={`aes-${app.id}`} className={input} value={aesKey} onChange={(e) => setAesKey(e.target.value)} aria-describedby={`aes-hint-${app.id}`} />
              <Button
                size="sm"
                className="h-[38px]"
                disabled={pending}
                onClick={() =>
                  start(async () => {
                    const r = await generateKeysAction();
                    if (r.ok) setAesKey(r.value.aesKey);
                  })
                }
              >
                生成 aes_key
              </Button>
            </div>
            <p id={`aes-hint-${app.id}`} className="mt-1 text-xs text-slate-500">43 位字母或数字，与订阅方一致</p>
          </div>
          <div>
            <label htmlFor={`token-${app.id}`}>签名 token</label>
            <div className="flex gap-2">
              <input id={`token-${app.id}`} className={input} value={token} onChange={(e) => setToken(e.target.value)} />
              <Button
                size="sm"
                className="h-[38px]"
                disabled={pending}
                onClick={() =>
                  start(async () => {
                    const r = await generateKeysAction();
                    if (r.ok) setToken(r.value.token);
                  })
                }
              >
                生成 token
              </Button>
            </div>
          </div>
          <div className="flex gap-2">
            <Button
              variant="primary"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const r = await saveSubscriptionAction({ credentialId: app.id, callbackUrl: url, aesKey, token });
                  setMsg(r.ok ? { ok: true, text: `已保存：回调地址在 ${r.value.ms} ms 内返回了 success` } : { ok: false, text: human(r.error) });
                })
              }
            >
              保存
            </Button>
          </div>
          {app.subscription && <p className="text-xs text-slate-500">上次验证通过：{app.subscription.verifiedAt}</p>}
          {msg && (
            <p className={msg.ok ? "text-sm text-success-800" : "text-sm text-danger-700"} role={msg.ok ? "status" : "alert"}>
              {msg.text}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
