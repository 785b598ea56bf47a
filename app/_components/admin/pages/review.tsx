"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Dialog, ConfirmDialog } from "../../ui/dialog";
import { Badge, Button, EmptyState, ErrorState, Field, inputClass, PageHeader } from "../../ui/controls";
import { Pagination } from "../../ui/pagination";
import { usePaging } from "../../ui/use-paging";
import { useToast } from "../../ui/toast";
import { errorText, postForm } from "../../data/client";
import { useSelection } from "../../data/use-selection";
import { keys } from "../../data/keys";
import { useReviewQueue } from "../../data/use-review";
import { useOpenRooms } from "../../data/use-rooms";
import { useServerStats } from "../../data/use-server";
import type { ReviewItem } from "@/lib/types/api";

const REASON_MAX = 200;


function endTime(start: string, duration: number) {
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

const appointIdOf = (r: ReviewItem) => r.appointId;

export function ReviewPage({ privileged }: { privileged: boolean }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [roomId, setRoomId] = useState("");
  const [date, setDate] = useState("");
  const { page, size, setPage, pagerProps } = usePaging();
  const [confirmApprove, setConfirmApprove] = useState<number[] | null>(null);
  const [rejecting, setRejecting] = useState<number[] | null>(null);
  /** A recurring series reviewed as one: approve (confirm) or reject (the reason dialog). */
  const [seriesApprove, setSeriesApprove] = useState<{ seriesId: number; n: number } | null>(null);
  const [seriesReject, setSeriesReject] = useState<{ seriesId: number; n: number } | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);

  const server = useServerStats(15_000);
  const rooms = useOpenRooms();
  const queue = useReviewQueue({ roomId, date, page, size });
  const autoOn = server.data?.autoCheck === true;
  const rows = useMemo(() => queue.data?.rows ?? [], [queue.data]);
  const selection = useSelection(rows, appointIdOf);
  const visibleSelected = selection.visible.map(appointIdOf);

  const done = () => {
    selection.clear();
    qc.invalidateQueries({ queryKey: keys.review.all });
    qc.invalidateQueries({ queryKey: keys.dashboard });
    qc.invalidateQueries({ queryKey: keys.server });
  };
  const approve = useMutation({
    mutationFn: (ais: number[]) => postForm<{ errmsg: string }>("/check/approve", { ais }),
    onSuccess: (r, ais) => {
      toast.success(ais.length > 1 ? `${r.errmsg}：已处理 ${ais.length} 条（与已通过预约冲突的会被退回）` : r.errmsg);
      setConfirmApprove(null);
      done();
    },
    onError: (e) => {
      toast.error(errorText(e));
      setConfirmApprove(null);
      done();
    },
  });
  const reject = useMutation({
    mutationFn: ({ ais, checkInfo }: { ais: number[]; checkInfo: string }) => postForm<{ errmsg: string }>("/check/reject", { ais, checkInfo }),
    onSuccess: (r, v) => {
      toast.success(`${r.errmsg}：${v.ais.length} 条`);
      setRejecting(null);
      setReason("");
      done();
    },
    onError: (e) => toast.error(errorText(e)),
  });

  const reviewSeries = useMutation({
    mutationFn: (v: { seriesId: number; action: "approve" | "reject"; checkInfo?: string }) =>
      postForm<{ approved: number[]; rejected: number[]; refused: number[] }>("/api/admin/review/series", v),
    onSuccess: (r, v) => {
      toast.success(
        v.action === "approve"
          ? `整个系列已通过：${r.approved.length} 次${r.refused.length ? `，${r.refused.length} 次因冲突被退回` : ""}`
          : `整个系列已退回：${r.rejected.length} 次`,
      );
      setSeriesApprove(null);
      setSeriesReject(null);
      setRejecting(null);
      setReason("");
      done();
    },
    onError: (e) => {
      toast.error(errorText(e));
      setSeriesApprove(null);
      done();
    },
  });


  const submitReject = (e: React.FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (!text) return setReasonError("请填写退回原因，用户会在通知中看到它");
    if (text.length > REASON_MAX) return setReasonError(`不能超过 ${REASON_MAX} 个字符`);
    setReasonError(null);
    if (seriesReject) reviewSeries.mutate({ seriesId: seriesReject.seriesId, action: "reject", checkInfo: text });
    else reject.mutate({ ais: rejecting!, checkInfo: text });
  };

  return (
    <>
      <PageHeader title="预约审核" description="按提交时间先后处理（先到先得）。通过一条预约会自动退回与它冲突的待审核预约。" />

      {autoOn && (
        <div role="status" className="mb-4 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-medium">自动审核运行中，人工审核已停用。</p>
          <p className="mt-1">
            为防止与自动审核冲突，开启自动审核时不能手动通过或退回预约。
            {privileged ? (
              <>
                如需人工审核，请先在{" "}
                <Link href="/admin/settings" className="font-medium text-amber-950 underline">
                  参数设置
                </Link>{" "}
                中关闭自动审核。
              </>
            ) : (
              " 如需人工审核，请联系超级管理员关闭自动审核。"
            )}
          </p>
        </div>
      )}

      <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <div className="flex flex-wrap items-end gap-3 border-b border-slate-100 p-4">
          <Field label="会议室" htmlFor="f-room" className="w-full sm:w-48">
            <select
              id="f-room"
              className={inputClass}
              value={roomId}
              onChange={(e) => {
                setRoomId(e.target.value);
                setPage(1);
              }}
            >
              <option value="">全部会议室</option>
              {rooms.data?.rooms.map((r) => (
                <option key={r.roomId} value={r.roomId}>
                  {r.place}
                </option>
              ))}
            </select>
          </Field>
          <Field label="会议日期" htmlFor="f-date" className="w-full sm:w-44">
            <input
              id="f-date"
              type="date"
              className={inputClass}
              value={date}
              onChange={(e) => {
                setDate(e.target.value);
                setPage(1);
              }}
            />
          </Field>
          {(roomId || date) && (
            <Button
              variant="ghost"
              onClick={() => {
                setRoomId("");
                setDate("");
                setPage(1);
              }}
            >
              清除筛选
            </Button>
          )}
          <div className="flex w-full flex-wrap gap-2 sm:ml-auto sm:w-auto">
            <Button
              variant="success"
              disabled={autoOn || visibleSelected.length === 0}
              onClick={() => setConfirmApprove(visibleSelected)}
              title={autoOn ? "自动审核运行中" : undefined}
            >
              批量通过{visibleSelected.length ? ` (${visibleSelected.length})` : ""}
            </Button>
            <Button
              variant="danger"
              disabled={autoOn || visibleSelected.length === 0}
              onClick={() => {
                setReason("");
                setReasonError(null);
                setRejecting(visibleSelected);
              }}
            >
              批量退回{visibleSelected.length ? ` (${visibleSelected.length})` : ""}
            </Button>
            <Button variant="ghost" onClick={() => queue.refetch()} aria-label="刷新列表">
              ↻ 刷新
            </Button>
          </div>
        </div>

        {queue.error && (
          <div className="p-4">
            <ErrorState error={queue.error} onRetry={() => queue.refetch()} />
          </div>
        )}
        {rows.length > 0 && (
          <div className="flex items-center gap-3 border-b border-slate-100 bg-slate-50 px-4 py-2 text-sm text-slate-600">
            <input id="check-all" type="checkbox" className="h-4 w-4 accent-brand-600" checked={selection.allChecked} onChange={selection.toggleAll} disabled={autoOn} />
            <label htmlFor="check-all">全选本页</label>
          </div>
        )}
        <ul className="divide-y divide-slate-100" aria-label="待审核预约">
          {rows.map((r) => {
            const end = endTime(r.startTime, r.duration);
            const blocked = r.conflicts.some((c) => c.statusCode === 3);
            return (
              <li key={r.appointId} data-appoint-id={r.appointId} className={`flex gap-3 px-4 py-4 ${selection.has(r.appointId) ? "bg-brand-50/60" : ""}`}>
                <input
                  type="checkbox"
                  className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
                  checked={selection.has(r.appointId)}
                  onChange={() => selection.toggle(r)}
                  disabled={autoOn}
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
                        <Button size="sm" variant="success" disabled={autoOn} onClick={() => setSeriesApprove({ seriesId: r.seriesId!, n: r.seriesPending })}>
                          整个系列通过
                        </Button>
                        <Button
                          size="sm"
                          variant="secondary"
                          disabled={autoOn}
                          onClick={() => {
                            setReason("");
                            setReasonError(null);
                            setSeriesReject({ seriesId: r.seriesId!, n: r.seriesPending });
                            setRejecting([]);
                          }}
                        >
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
                      {r.participants > r.size && <span className="ml-1 text-rose-700">超出容量</span>}
                    </p>
                    <p className="text-xs text-slate-500">提交于 {r.handTime}</p>
                  </div>
                  <div className="flex flex-col gap-2 lg:w-64 lg:items-end">
                    <div className="lg:text-right">
                      <Conflicts item={r} />
                    </div>
                    <div className="flex gap-2">
                      <Button size="sm" variant="success" disabled={autoOn} onClick={() => setConfirmApprove([r.appointId])} aria-label={`通过预约 #${r.appointId}`}>
                        通过
                      </Button>
                      <Button
                        size="sm"
                        variant="secondary"
                        disabled={autoOn}
                        onClick={() => {
                          setReason(blocked ? "该时段已被其他预约占用" : "");
                          setReasonError(null);
                          setRejecting([r.appointId]);
                        }}
                        aria-label={`退回预约 #${r.appointId}`}
                      >
                        退回
                      </Button>
                    </div>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
        {queue.isSuccess && rows.length === 0 && <EmptyState>{roomId || date ? "没有符合筛选条件的待审核预约" : "🎉 没有待审核的预约"}</EmptyState>}
        {queue.isPending && <div className="m-4 h-24 animate-pulse rounded bg-slate-100" />}
        {queue.data && queue.data.count > 0 && (
          <Pagination {...pagerProps(queue.data.count)} />
        )}
      </div>

      <ConfirmDialog
        open={confirmApprove !== null}
        title="通过预约"
        message={
          <>
            确定通过 {confirmApprove?.length} 条预约吗？与已通过预约冲突的请求会被自动退回（已被他人抢先占用），通过后与之重叠的其他待审核预约也会被退回。用户会收到企业微信通知。
          </>
        }
        confirmLabel="确定通过"
        busy={approve.isPending}
        onConfirm={() => approve.mutate(confirmApprove!)}
        onClose={() => setConfirmApprove(null)}
      />
      <ConfirmDialog
        open={seriesApprove !== null}
        title="通过整个重复预约"
        message={<>确定通过重复预约 #{seriesApprove?.seriesId} 的全部 {seriesApprove?.n} 次待审日期吗？已被占用的日期会被退回。用户会收到一条汇总通知。</>}
        confirmLabel="确定通过"
        busy={reviewSeries.isPending}
        onConfirm={() => reviewSeries.mutate({ seriesId: seriesApprove!.seriesId, action: "approve" })}
        onClose={() => setSeriesApprove(null)}
      />
      <Dialog
        open={rejecting !== null}
        onClose={() => {
          setRejecting(null);
          setSeriesReject(null);
        }}
        title={seriesReject ? `退回重复预约 #${seriesReject.seriesId}（${seriesReject.n} 次）` : `退回 ${rejecting?.length ?? 0} 条预约`}
        footer={
          <>
            <Button
              onClick={() => {
                setRejecting(null);
                setSeriesReject(null);
              }}
            >
              取消
            </Button>
            <Button variant="danger" type="submit" form="reject-form" disabled={reject.isPending || reviewSeries.isPending}>
              {reject.isPending || reviewSeries.isPending ? "处理中…" : "确定退回"}
            </Button>
          </>
        }
      >
        <form id="reject-form" onSubmit={submitReject} noValidate>
          <Field label="退回原因（必填）" htmlFor="reject-reason" error={reasonError} hint={`${reason.trim().length}/${REASON_MAX}，用户会在通知和预约详情中看到`}>
            <textarea
              id="reject-reason"
              rows={3}
              className={inputClass}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={REASON_MAX + 50}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? "reject-reason-error" : "reject-reason-hint"}
              autoFocus
              required
            />
          </Field>
        </form>
      </Dialog>
    </>
  );
}
