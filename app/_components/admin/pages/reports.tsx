"use client";
import { useState } from "react";
import type { AcademicCalendar } from "@/lib/types/api";
import type { UtilizationRow } from "@/lib/types/api";
import { Card, EmptyState, ErrorState, Field, inputClass, PageHeader } from "../../ui/kit";
import { BASE } from "../../data/client";
import { useAcademicCalendar } from "../../data/use-calendar";
import { useReport } from "../../data/use-reports";

// Reports over any range, computed on the server in SQL: utilization (approved hours ÷ open hours) per room,
// building and department, a weekday × hour heat map, no-show rate, statuses, busiest rooms, most cancellations.

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);
const hours = (m: number) => (m / 60).toFixed(1);
const WEEK = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

type Preset = "week" | "month" | "term" | "custom";

function presetRange(p: Preset, cal?: AcademicCalendar): { from: string; to: string } | null {
  const now = new Date();
  if (p === "week") {
    const monday = new Date(now);
    monday.setDate(now.getDate() - ((now.getDay() + 6) % 7));
    const sunday = new Date(monday);
    sunday.setDate(monday.getDate() + 6);
    return { from: iso(monday), to: iso(sunday) };
  }
  if (p === "month") return { from: iso(new Date(now.getFullYear(), now.getMonth(), 1)), to: iso(new Date(now.getFullYear(), now.getMonth() + 1, 0)) };
  if (p === "term") {
    const today = iso(now);
    const t = cal?.terms.find((x) => x.firstDay <= today && today <= x.lastDay) ?? cal?.terms.filter((x) => x.firstDay <= today).at(-1);
    return t ? { from: t.firstDay, to: t.lastDay } : null;
  }
  return null;
}

export function ReportsPage() {
  const cal = useAcademicCalendar();
  const [preset, setPreset] = useState<Preset>("week");
  const [custom, setCustom] = useState(() => presetRange("week")!);
  const range = preset === "custom" ? custom : (presetRange(preset, cal.data) ?? custom);
  const noTerm = preset === "term" && cal.data && !presetRange("term", cal.data);
  const report = useReport(range, !noTerm);
  const [tab, setTab] = useState<"rooms" | "buildings" | "departments">("buildings");
  const r = report.data?.report;
  const exportUrl = (kind: string) => `${BASE}/api/admin/reports/export?${new URLSearchParams({ ...range, kind })}`;

  return (
    <>
      <PageHeader
        title="统计报表"
        description={`${range.from} 至 ${range.to}`}
        actions={
          <>
            <a className="inline-flex h-10 items-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50" href={exportUrl("figures")}>
              导出统计（xlsx）
            </a>
            <a className="inline-flex h-10 items-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50" href={exportUrl("bookings")}>
              导出预约明细（xlsx）
            </a>
          </>
        }
      />
      <Card className="mb-4">
        <div className="flex flex-wrap items-end gap-3">
          <div role="group" aria-label="统计范围" className="flex overflow-hidden rounded-lg border border-slate-300">
            {(
              [
                ["week", "本周"],
                ["month", "本月"],
                ["term", "本学期"],
                ["custom", "自定义"],
              ] as [Preset, string][]
            ).map(([p, label]) => (
              <button
                key={p}
                type="button"
                aria-pressed={preset === p}
                onClick={() => {
                  if (p === "custom") setCustom(range);
                  setPreset(p);
                }}
                className={`h-10 px-4 text-sm ${preset === p ? "bg-brand-600 font-semibold text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
              >
                {label}
              </button>
            ))}
          </div>
          {preset === "custom" && (
            <>
              <Field label="从" htmlFor="rp-from">
                <input id="rp-from" type="date" className={inputClass} value={custom.from} onChange={(e) => e.target.value && setCustom({ ...custom, from: e.target.value })} />
              </Field>
              <Field label="到" htmlFor="rp-to">
                <input id="rp-to" type="date" className={inputClass} value={custom.to} onChange={(e) => e.target.value && setCustom({ ...custom, to: e.target.value })} />
              </Field>
            </>
          )}
        </div>
        {noTerm && <p className="mt-2 text-sm text-warning-800">还没有设置学期，请先在“校历与节次”添加学期。</p>}
      </Card>
      {report.error && <ErrorState error={report.error} onRetry={() => report.refetch()} />}
      {!r && !report.error && !noTerm && <div className="h-64 animate-pulse rounded-xl bg-white" />}
      {r && (
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
            {(
              [
                ["预约总数", r.byStatus.total],
                ["已通过", r.byStatus.approved],
                ["审核中", r.byStatus.pending],
                ["已退回", r.byStatus.rejected],
                ["已取消", r.byStatus.cancelled],
                ["爽约率", `${pct(r.noShow.rate)}`],
              ] as [string, string | number][]
            ).map(([k, v]) => (
              <div key={k} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
                <dt className="text-xs text-slate-500">{k}</dt>
                <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{v}</dd>
              </div>
            ))}
          </dl>
          <p className="text-xs text-slate-500">
            爽约率 = 需签到会议室中未签到被释放的预约（{r.noShow.released}）÷ 需签到会议室的已通过预约（{r.noShow.approvedWithCheckIn}）。过期未审核：{r.byStatus.expiredUnreviewed}。
          </p>

          <Card title="使用率">
            <div role="tablist" aria-label="按维度" className="mb-3 flex gap-2">
              {(
                [
                  ["buildings", "按楼宇"],
                  ["rooms", "按会议室"],
                  ["departments", "按部门"],
                ] as const
              ).map(([k, label]) => (
                <button key={k} role="tab" aria-selected={tab === k} type="button" onClick={() => setTab(k)} className={`rounded-lg px-3 py-1.5 text-sm ${tab === k ? "bg-brand-50 font-semibold text-brand-700" : "text-slate-600 hover:bg-slate-50"}`}>
                  {label}
                </button>
              ))}
            </div>
            <UtilTable rows={r[tab]} />
          </Card>

          <Card title="时段热力图（已通过时长 ÷ 开放时长）">
            <Heatmap data={r.heatmap} />
          </Card>

          <div className="grid gap-4 lg:grid-cols-2">
            <Card title="最忙的会议室">
              {r.busiest.length === 0 ? <EmptyState>这段时间没有已通过的预约。</EmptyState> : <UtilTable rows={r.busiest} />}
            </Card>
            <Card title="取消最多的人">
              {r.cancellations.length === 0 ? (
                <EmptyState>这段时间没有人取消预约。</EmptyState>
              ) : (
                <table className="w-full text-sm">
                  <thead className="text-left text-xs text-slate-500">
                    <tr>
                      <th className="py-1 font-medium">姓名</th>
                      <th className="py-1 font-medium">工号</th>
                      <th className="py-1 text-right font-medium">取消次数</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.cancellations.map((c) => (
                      <tr key={c.userid} className="border-t border-slate-100">
                        <td className="py-1.5">{c.name}</td>
                        <td className="py-1.5">{c.userid}</td>
                        <td className="py-1.5 text-right tabular-nums">{c.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Card>
          </div>
        </div>
      )}
    </>
  );
}

function UtilTable({ rows }: { rows: UtilizationRow[] }) {
  if (rows.length === 0) return <EmptyState>没有数据。</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[28rem] text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="py-1 font-medium">名称</th>
            <th className="py-1 font-medium">使用率</th>
            <th className="py-1 text-right font-medium">已通过（小时）</th>
            <th className="py-1 text-right font-medium">开放（小时）</th>
            <th className="py-1 text-right font-medium">预约数</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 100).map((x) => (
            <tr key={x.key} className="border-t border-slate-100">
              <td className="py-1.5">{x.label}</td>
              <td className="py-1.5">
                <span className="flex items-center gap-2">
                  <span className="h-2 w-24 overflow-hidden rounded bg-slate-100" aria-hidden>
                    <span className="block h-full bg-brand-600" style={{ width: `${Math.min(100, x.ratio * 100)}%` }} />
                  </span>
                  <span className="tabular-nums">{pct(x.ratio)}</span>
                </span>
              </td>
              <td className="py-1.5 text-right tabular-nums">{hours(x.bookedMinutes)}</td>
              <td className="py-1.5 text-right tabular-nums">{hours(x.openMinutes)}</td>
              <td className="py-1.5 text-right tabular-nums">{x.bookings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Heatmap({ data }: { data: (number | null)[][] }) {
  const open = data[0].map((_, h) => data.some((row) => row[h] !== null));
  const cols = open.map((o, h) => (o ? h : -1)).filter((h) => h >= 0);
  if (cols.length === 0) return <EmptyState>没有开放时段。</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="text-xs" aria-label="按星期和小时的使用率">
        <thead>
          <tr>
            <th />
            {cols.map((h) => (
              <th key={h} className="px-0.5 font-normal text-slate-500">
                {h}时
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((row, d) => (
            <tr key={d}>
              <th className="pr-2 text-left font-normal text-slate-600">{WEEK[d]}</th>
              {cols.map((h) => {
                const v = row[h];
                return (
                  <td key={h} className="p-0.5">
                    <span
                      className={`flex h-8 w-10 items-center justify-center rounded tabular-nums ${v === null ? "bg-slate-50 text-slate-300" : v > 0.5 ? "text-white" : "text-slate-800"}`}
                      style={v === null ? undefined : { backgroundColor: `rgba(31, 102, 217, ${0.08 + v * 0.92})` }}
                      title={`${WEEK[d]} ${h}:00 ${pct(v)}`}
                    >
                      {v === null ? "—" : Math.round(v * 100)}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">格中数字为使用率（%），“—”为不开放时段。</p>
    </div>
  );
}
