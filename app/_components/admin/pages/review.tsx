"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ConfirmDialog } from "../../ui/dialog";
import { EmptyState, ErrorState, PageHeader } from "../../ui/kit";
import { Pagination } from "../../ui/pagination";
import { usePaging } from "../../ui/use-paging";
import { useToast } from "../../ui/toast";
import { errorText, postForm } from "../../data/client";
import { useSelection } from "../../data/use-selection";
import { ReviewToolbar } from "./review/review-toolbar";
import { AutoReviewNotice } from "./review/auto-review-notice";
import { RejectDialog } from "./review/reject-dialog";
import { ReviewRow } from "./review/review-row";
import { keys } from "../../data/keys";
import { useReviewQueue } from "../../data/use-review";
import { useOpenRooms } from "../../data/use-rooms";
import { useServerStats } from "../../data/use-server";
import type { ReviewItem } from "@/lib/types/api";

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
  /** The reason the reject dialog starts from. */
  const [suggested, setSuggested] = useState("");

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
      done();
    },
    onError: (e) => {
      toast.error(errorText(e));
      setSeriesApprove(null);
      done();
    },
  });


  const startReject = (ais: number[], reason = "") => {
    setSuggested(reason);
    setRejecting(ais);
  };
  const closeReject = () => {
    setRejecting(null);
    setSeriesReject(null);
  };
  const submitReject = (text: string) => {
    if (seriesReject) reviewSeries.mutate({ seriesId: seriesReject.seriesId, action: "reject", checkInfo: text });
    else reject.mutate({ ais: rejecting!, checkInfo: text });
  };

  return (
    <>
      <PageHeader title="预约审核" description="按提交时间先后处理（先到先得）。通过一条预约会自动退回与它冲突的待审核预约。" />

      {autoOn && <AutoReviewNotice privileged={privileged} />}

      <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <ReviewToolbar
          rooms={rooms.data?.rooms ?? []}
          roomId={roomId}
          date={date}
          onFilter={(f) => {
            setRoomId(f.roomId);
            setDate(f.date);
            setPage(1);
          }}
          selected={visibleSelected.length}
          disabled={autoOn}
          onApprove={() => setConfirmApprove(visibleSelected)}
          onReject={() => startReject(visibleSelected)}
          onRefresh={() => queue.refetch()}
        />
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
          {rows.map((r) => (
            <ReviewRow
              key={r.appointId}
              r={r}
              disabled={autoOn}
              checked={selection.has(r.appointId)}
              onToggle={() => selection.toggle(r)}
              onApprove={() => setConfirmApprove([r.appointId])}
              onReject={(reason) => startReject([r.appointId], reason)}
              onApproveSeries={(seriesId, n) => setSeriesApprove({ seriesId, n })}
              onRejectSeries={(seriesId, n) => {
                setSeriesReject({ seriesId, n });
                startReject([]);
              }}
            />
          ))}
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
      <RejectDialog
        title={rejecting === null ? null : seriesReject ? `退回重复预约 #${seriesReject.seriesId}（${seriesReject.n} 次）` : `退回 ${rejecting.length} 条预约`}
        initialReason={suggested}
        busy={reject.isPending || reviewSeries.isPending}
        onSubmit={submitReject}
        onClose={closeReject}
      />
    </>
  );
}
