"use client";
import Link from "next/link";
import { Badge, Card, ErrorState, PageHeader } from "../../ui/kit";
import { useDashboardCharts } from "../../data/use-dashboard";
import { useServerStats } from "../../data/use-server";
import { StackedBars } from "../charts/stacked-bars";
import { UtilizationBars } from "../charts/utilization-bars";
import { formatAge } from "../status";
import { DeliveriesCard } from "./deliveries-card";

const REFRESH_MS = 15_000;

function Stat({ label, value, hint, tone }: { label: string; value: React.ReactNode; hint?: React.ReactNode; tone?: "warn" }) {
  return (
    <div className={`rounded-xl border bg-white p-4 shadow-sm ${tone === "warn" ? "border-warning-300" : "border-slate-200"}`}>
      <p className="text-xs font-medium text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

function Running({ on }: { on: boolean }) {
  return on ? <Badge tone="green">运行中</Badge> : <Badge>休眠中</Badge>;
}

export function DashboardPage({ privileged }: { privileged: boolean }) {
  // Both refresh on their own, like the legacy welcome page's 5 s poll, but less chatty.
  const stats = useServerStats(REFRESH_MS);
  const charts = useDashboardCharts(REFRESH_MS);
  const s = stats.data;
  const c = charts.data;
  const q = c?.queue;
  return (
    <>
      <PageHeader
        title={s ? `欢迎，${s.username}` : "概览"}
        description={
          <span aria-live="polite">
            每 {REFRESH_MS / 1000} 秒自动刷新{c ? ` · 更新于 ${c.generatedAt}` : ""}
          </span>
        }
      />
      {stats.error && <ErrorState error={stats.error} onRetry={() => stats.refetch()} />}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="总用户数" value={s?.totalUser ?? "—"} />
        <Stat label="累计预约数" value={s?.totalAppointment ?? "—"} />
        <Stat label="今日提交预约" value={s?.totalToday ?? "—"} />
        <Stat
          label="待审核"
          value={q?.pending ?? "—"}
          tone={q && q.oldestAgeMinutes !== null && q.oldestAgeMinutes > 24 * 60 ? "warn" : undefined}
          hint={q ? (q.oldestAgeMinutes != null ? `最早一条已等待 ${formatAge(q.oldestAgeMinutes)}` : "队列为空") : undefined}
        />
      </div>

      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="flex items-center justify-between rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <div>
            <p className="text-sm font-medium text-slate-800">自动审核</p>
            <p className="text-xs text-slate-500">开启时人工审核停用</p>
          </div>
          {s ? <Running on={s.autoCheck} /> : "—"}
        </div>
        <div className="flex items-center justify-between rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <div>
            <p className="text-sm font-medium text-slate-800">自动清理过期记录</p>
            <p className="text-xs text-slate-500">{privileged ? <Link className="text-brand-700 hover:underline" href="/admin/settings">在参数设置中修改</Link> : "由超级管理员设置"}</p>
          </div>
          {s ? <Running on={s.autoClean} /> : "—"}
        </div>
      </div>

      {charts.error && (
        <div className="mt-4">
          <ErrorState error={charts.error} onRetry={() => charts.refetch()} />
        </div>
      )}
      <div className="mt-4 grid gap-4 lg:grid-cols-5">
        <Card title="近 30 天每日预约提交量" className="lg:col-span-3">
          {c ? <StackedBars days={c.perDay} /> : <div className="h-56 animate-pulse rounded bg-slate-100" />}
        </Card>
        <Card
          title={
            <>
              会议室利用率 <span className="font-normal text-slate-500">{c ? `${c.utilization.from.slice(5)} 至 ${c.utilization.to.slice(5)}` : ""}</span>
            </>
          }
          className="lg:col-span-2"
        >
          {c ? <UtilizationBars rooms={c.utilization.rooms} /> : <div className="h-56 animate-pulse rounded bg-slate-100" />}
          <p className="mt-3 text-xs text-slate-500">今天起 7 天内已通过预约占开放时间的比例。</p>
        </Card>
      </div>

      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <Card title="审核队列">
          {q ? (
            q.pending === 0 ? (
              <p className="text-sm text-slate-600">没有待审核的预约。</p>
            ) : (
              <div className="space-y-2 text-sm text-slate-700">
                <p>
                  共 <strong className="text-slate-900">{q.pending}</strong> 条待审核，最早一条 #{q.oldestId} 提交于 {q.oldestSubmittedAt}（已等待{" "}
                  {formatAge(q.oldestAgeMinutes ?? 0)}）。
                </p>
                <Link href="/admin/review" className="inline-block font-medium text-brand-700 hover:underline">
                  去审核 →
                </Link>
              </div>
            )
          ) : (
            <div className="h-10 animate-pulse rounded bg-slate-100" />
          )}
        </Card>
        {c ? (
          <DeliveriesCard failed={c.deliveries.failed} pending={c.deliveries.pending} privileged={privileged} />
        ) : (
          <Card title="消息推送">
            <div className="h-10 animate-pulse rounded bg-slate-100" />
          </Card>
        )}
      </div>
    </>
  );
}
