"use client";
// One request of the review queue: what, when, who, its conflicts, and its own approve / reject buttons.
import type { ReviewItem } from "@/lib/types/api";
import { Badge, Button } from "../../../ui/kit";

export function endTime(start: string, duration: number) {
  const [d, t] = start.split(" ");
  const [h, m] = t.split(":").map(Number);
  const total = h * 60 + m + duration;
  const sameDay = total < 1440;
  const hh = String(Math.floor((total % 1440) / 60)).padStart(2, "0");
  const mm = String(total % 60).padStart(2, "0");
  return { date: d, label: `${hh}:${mm}${sameDay ? "" : " (+1天)"}` };
}

function Conflicts({ item }: { item: ReviewItem }) {
  if (item.conflicts.length === 0) return <Badge tone="green">无冲突</Badge>;
  return (
    <ul className="space-y-1">
      {item.conflicts.map((c) => (
        <li key={c.appointId} className="text-xs">
          <Badge tone={c.statusCode === 3 ? "red" : "amber"}>{c.statusCode === 3 ? "与已通过冲突" : "与待审核重叠"}</Badge>{" "}
          <span className="text-slate-700">
            #{c.appointId} {c.name} · {c.startTime.slice(11)}–{endTime(c.startTime, c.duration).label} · {c.purpose}
          </span>
        </li>
      ))}
    </ul>
  );
}

export interface RowActions {
  /** Auto-review runs: nothing can be decided by hand. */
  disabled: boolean;
  checked: boolean;
  onToggle: () => void;
  onApprove: () => void;
  /** Reject with a suggested reason ("" or the slot-taken text). */
  onReject: (suggested: string) => void;
  onApproveSeries: (seriesId: number, n: number) => void;
  onRejectSeries: (seriesId: number, n: number) => void;
}

export function ReviewRow({ r, disabled, checked, onToggle, onApprove, onReject, onApproveSeries, onRejectSeries }: { r: ReviewItem } & RowActions) {
  const end = endTime(r.startTime, r.duration);
  const blocked = r.conflicts.some((c) => c.statusCode === 3);
  return (
    <li data-appoint-id={r.appointId} className={`flex gap-3 px-4 py-4 ${checked ? "bg-brand-50/60" : ""}`}>
      <input
        type="checkbox"
        className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
        checked={checked}
        onChange={onToggle}
        disabled={disabled}
        aria-label={`选择预约 #${r.appointId}`}
      />
      <div className="grid min-w-0 flex-1 gap-3 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_auto]">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">
            <span className="text-slate-500">#{r.appointId}</span> {r.place}{" "}
            <span className="ml-1 align-middle">
              <Badge tone="slate">排队第 {r.queuePosition} 位</Badge>
            </span>
            {!r.roomAvailable && (
              <span className="ml-2">
                <Badge>会议室已关闭</Badge>
              </span>
            )}
          </p>
          <p className="mt-0.5 text-sm tabular-nums text-slate-800">
            {r.startTime} – {end.label} <span className="text-slate-500">（{r.duration} 分钟）</span>
          </p>
          <p className="mt-1 break-words text-sm text-slate-700">{r.purpose}</p>
          {r.seriesId !== null && (
            <div className="mt-2 flex flex-wrap items-center gap-2" data-series-id={r.seriesId}>
              <Badge tone="amber">重复预约 #{r.seriesId} · {r.seriesPending} 次待审</Badge>
              <Button size="sm" variant="success" disabled={disabled} onClick={() => onApproveSeries(r.seriesId!, r.seriesPending)}>
                整个系列通过
              </Button>
              <Button size="sm" variant="secondary" disabled={disabled} onClick={() => onRejectSeries(r.seriesId!, r.seriesPending)}>
                整个系列退回
              </Button>
            </div>
          )}
          {r.note && <p className="mt-0.5 break-words text-xs text-slate-500">备注：{r.note}</p>}
        </div>
        <div className="text-sm text-slate-700">
          <p>
            {r.name} <span className="text-slate-500">({r.userid})</span>
          </p>
          <p className="tabular-nums text-slate-600">{r.phone}</p>
          <p className="text-slate-600">
            {r.participants} 人 / 容量 {r.size}
            {r.participants > r.size && <span className="ml-1 text-danger-700">超出容量</span>}
          </p>
          <p className="text-xs text-slate-500">提交于 {r.handTime}</p>
        </div>
        <div className="flex flex-col gap-2 lg:w-64 lg:items-end">
          <div className="lg:text-right">
            <Conflicts item={r} />
          </div>
          <div className="flex gap-2">
            <Button size="sm" variant="success" disabled={disabled} onClick={onApprove} aria-label={`通过预约 #${r.appointId}`}>
              通过
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={disabled}
              onClick={() => onReject(blocked ? "该时段已被其他预约占用" : "")}
              aria-label={`退回预约 #${r.appointId}`}
            >
              退回
            </Button>
          </div>
        </div>
      </div>
    </li>
  );
}
