"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ClosureHit, ClosureView } from "@/lib/types/api";
import { Badge, Button, Card, EmptyState, ErrorState, Field, inputClass, PageHeader } from "../../ui/kit";
import { ConfirmDialog, Dialog } from "../../ui/dialog";
import { useToast } from "../../ui/toast";
import { errorText, postForm } from "../../data/client";
import { keys } from "../../data/keys";
import { useClosures } from "../../data/use-closures";
import { useGridBuildings } from "../../data/use-grid";
import { RoomPicker, type RoomChoice } from "../room-picker";

// Closures: a room, a building or every room closed for a stretch (维修, 考试周, 假期), once or every week. Creating
// one first lists the pending and approved bookings it hits; the admin may cancel them all with one reason.

const REASONS = ["维修", "考试周", "假期", "活动占用"];
const SCOPE_TEXT: Record<string, string> = { room: "会议室", building: "楼宇", all: "全部会议室" };

interface Draft {
  scope: "room" | "building" | "all";
  roomId: string;
  building: string;
  start: string;
  end: string;
  reason: string;
  repeatWeekly: boolean;
  repeatUntil: string;
}

export function ClosuresPage() {
  const toast = useToast();
  const qc = useQueryClient();
  const list = useClosures();
  const [room, setRoom] = useState<RoomChoice | null>(null);
  const meta = useGridBuildings();
  const buildings = (meta.data?.buildings ?? []).filter(Boolean);
  const [draft, setDraft] = useState<Draft>({ scope: "room", roomId: "", building: "", start: "", end: "", reason: "", repeatWeekly: false, repeatUntil: "" });
  const [hits, setHits] = useState<ClosureHit[] | null>(null);
  const [cancelHits, setCancelHits] = useState(true);
  const [cancelReason, setCancelReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [remove, setRemove] = useState<ClosureView | null>(null);
  const [cancelFor, setCancelFor] = useState<ClosureView | null>(null);
  const [laterReason, setLaterReason] = useState("");
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft({ ...draft, [k]: v });
    setHits(null);
  };
  const body = () => ({
    scope: draft.scope,
    roomId: draft.scope === "room" ? draft.roomId : undefined,
    building: draft.scope === "building" ? draft.building : undefined,
    start: draft.start,
    end: draft.end,
    reason: draft.reason,
    repeatWeekly: draft.repeatWeekly,
    repeatUntil: draft.repeatWeekly && draft.repeatUntil ? `${draft.repeatUntil}T23:59` : undefined,
  });
  const preview = useMutation({
    mutationFn: () => postForm<{ hits: ClosureHit[] }>("/api/admin/closures/preview", body()),
    onSuccess: (r) => {
      setError(null);
      setHits(r.hits);
      setCancelReason(draft.reason ? `会议室${draft.reason}` : "");
    },
    onError: (e) => setError(errorText(e)),
  });
  const create = useMutation({
    mutationFn: () => postForm<{ cancelled: number[] }>("/api/admin/closures", { ...body(), cancelReason: cancelHits && hits?.length ? cancelReason : "" }),
    onSuccess: (r) => {
      toast.success(r.cancelled.length ? `已创建关闭，并取消 ${r.cancelled.length} 条预约、通知了预约人` : "已创建关闭");
      setHits(null);
      setDraft({ ...draft, start: "", end: "", reason: "" });
      qc.invalidateQueries({ queryKey: keys.closures });
      qc.invalidateQueries({ queryKey: keys.grid.all });
    },
    onError: (e) => setError(errorText(e)),
  });
  const del = useMutation({
    mutationFn: (id: number) => postForm("/api/admin/closures/delete", { id }),
    onSuccess: () => {
      toast.success("已删除关闭，会议室恢复开放");
      setRemove(null);
      qc.invalidateQueries({ queryKey: keys.closures });
    },
    onError: (e) => toast.error(errorText(e)),
  });
  const cancelLater = useMutation({
    mutationFn: (c: ClosureView) => postForm<{ cancelled: number[] }>("/api/admin/closures/cancel-hits", { id: c.id, reason: laterReason }),
    onSuccess: (r) => {
      toast.success(`已取消 ${r.cancelled.length} 条预约并通知预约人`);
      setCancelFor(null);
      qc.invalidateQueries({ queryKey: keys.closures });
    },
    onError: (e) => toast.error(errorText(e)),
  });

  return (
    <>
      <PageHeader title="关闭管理" description="维修、考试周、假期等时段关闭会议室：关闭期间不能预约、搜索不到，审核也不会通过。" />
      <Card title="新建关闭" className="mb-4">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            preview.mutate();
          }}
          className="space-y-4"
        >
          <fieldset>
            <legend className="mb-1.5 text-sm font-medium text-slate-800">范围</legend>
            <div className="flex flex-wrap gap-4 text-sm">
              {(["room", "building", "all"] as const).map((s) => (
                <label key={s} className="flex items-center gap-1.5">
                  <input type="radio" name="scope" checked={draft.scope === s} onChange={() => set("scope", s)} className="accent-brand-600" />
                  {s === "room" ? "一个会议室" : s === "building" ? "一栋楼" : "全部会议室"}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {draft.scope === "room" && (
              <div className="sm:col-span-2">
                <RoomPicker id="cl-room" value={room} onChange={(r) => { setRoom(r); set("roomId", String(r.id)); }} />
              </div>
            )}
            {draft.scope === "building" && (
              <Field label="楼宇" htmlFor="cl-building">
                <input id="cl-building" list="cl-buildings" className={inputClass} value={draft.building} onChange={(e) => set("building", e.target.value)} placeholder="如 逸夫楼" />
                <datalist id="cl-buildings">
                  {buildings.map((b) => (
                    <option key={b} value={b} />
                  ))}
                </datalist>
              </Field>
            )}
            <Field label="开始" htmlFor="cl-start">
              <input id="cl-start" type="datetime-local" className={inputClass} value={draft.start} onChange={(e) => set("start", e.target.value)} />
            </Field>
            <Field label="结束" htmlFor="cl-end">
              <input id="cl-end" type="datetime-local" className={inputClass} value={draft.end} onChange={(e) => set("end", e.target.value)} />
            </Field>
            <Field label="原因" htmlFor="cl-reason" hint="会显示给用户">
              <input id="cl-reason" className={inputClass} maxLength={100} value={draft.reason} onChange={(e) => set("reason", e.target.value)} />
            </Field>
          </div>
          <div className="flex flex-wrap gap-2">
            {REASONS.map((r) => (
              <button key={r} type="button" onClick={() => set("reason", r)} className="rounded-full border border-slate-300 px-3 py-1 text-xs text-slate-700 hover:border-brand-600">
                {r}
              </button>
            ))}
          </div>
          <div className="flex flex-wrap items-end gap-4">
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={draft.repeatWeekly} onChange={(e) => set("repeatWeekly", e.target.checked)} />
              每周重复（如每周日全天关闭）
            </label>
            {draft.repeatWeekly && (
              <Field label="重复到（可不填）" htmlFor="cl-until">
                <input id="cl-until" type="date" className={inputClass} value={draft.repeatUntil} onChange={(e) => set("repeatUntil", e.target.value)} />
              </Field>
            )}
          </div>
          {error && (
            <p role="alert" className="text-sm text-danger-700">
              {error}
            </p>
          )}
          <div className="flex justify-end">
            <Button type="submit" variant="primary" disabled={preview.isPending}>
              {preview.isPending ? "检查中…" : "检查受影响的预约"}
            </Button>
          </div>
        </form>
      </Card>

      {hits && (
        <Dialog
          open
          wide
          onClose={() => setHits(null)}
          title={hits.length ? `此关闭影响 ${hits.length} 条预约` : "没有受影响的预约"}
          footer={
            <>
              <Button onClick={() => setHits(null)}>返回修改</Button>
              <Button variant="primary" disabled={create.isPending || (cancelHits && hits.length > 0 && !cancelReason.trim())} onClick={() => create.mutate()}>
                {create.isPending ? "创建中…" : hits.length && cancelHits ? `创建关闭并取消 ${hits.length} 条预约` : "创建关闭"}
              </Button>
            </>
          }
        >
          {hits.length > 0 ? (
            <>
              <ul className="divide-y divide-slate-100 text-sm" aria-label="受影响的预约">
                {hits.map((h) => (
                  <li key={h.id} className="flex flex-wrap justify-between gap-2 py-2">
                    <span>
                      #{h.id} {h.place} {h.startsAt}–{h.endsAt.slice(11)}
                    </span>
                    <span className="text-slate-600">
                      {h.booker}（{h.userid}） <Badge tone={h.status === 3 ? "blue" : "amber"}>{h.status === 3 ? "已通过" : "审核中"}</Badge>
                    </span>
                  </li>
                ))}
              </ul>
              <label className="mt-4 flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={cancelHits} onChange={(e) => setCancelHits(e.target.checked)} />
                取消这些预约并通知预约人
              </label>
              {cancelHits && (
                <Field label="取消原因（发给预约人）" htmlFor="cl-cancel-reason" className="mt-2">
                  <input id="cl-cancel-reason" className={inputClass} maxLength={100} value={cancelReason} onChange={(e) => setCancelReason(e.target.value)} />
                </Field>
              )}
            </>
          ) : (
            <p className="text-sm text-slate-600">这段时间没有审核中或已通过的预约。</p>
          )}
        </Dialog>
      )}

      <Card title="当前和将来的关闭">
        {list.error && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
        {list.data && list.data.closures.length === 0 && <EmptyState>目前没有关闭安排。</EmptyState>}
        {list.data && list.data.closures.length > 0 && (
          <ul className="divide-y divide-slate-100" aria-label="关闭列表">
            {list.data.closures.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <div>
                  <p className="font-medium text-slate-900">
                    {c.reason} · {c.scope === "room" ? c.place : c.scope === "building" ? `${c.building}（整栋）` : SCOPE_TEXT.all}
                  </p>
                  <p className="text-slate-600">
                    {c.startsAt} – {c.endsAt}
                    {c.repeatWeekly ? `，每周重复${c.repeatUntil ? `至 ${c.repeatUntil.slice(0, 10)}` : ""}` : ""}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  {c.hits > 0 ? <Badge tone="amber">仍有 {c.hits} 条预约</Badge> : <Badge tone="green">无冲突预约</Badge>}
                  {c.hits > 0 && (
                    <Button
                      size="sm"
                      onClick={() => {
                        setLaterReason(`会议室${c.reason}`);
                        setCancelFor(c);
                      }}
                    >
                      取消这些预约
                    </Button>
                  )}
                  <Button size="sm" variant="ghost" onClick={() => setRemove(c)}>
                    删除
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <ConfirmDialog
        open={Boolean(remove)}
        title="删除关闭"
        message={remove ? `删除后「${remove.reason}」期间会议室恢复可预约。` : ""}
        confirmLabel="删除"
        danger
        busy={del.isPending}
        onConfirm={() => remove && del.mutate(remove.id)}
        onClose={() => setRemove(null)}
      />
      {cancelFor && (
        <Dialog
          open
          onClose={() => setCancelFor(null)}
          title={`取消 ${cancelFor.hits} 条受影响的预约`}
          footer={
            <>
              <Button onClick={() => setCancelFor(null)}>返回</Button>
              <Button variant="danger" disabled={!laterReason.trim() || cancelLater.isPending} onClick={() => cancelLater.mutate(cancelFor)}>
                确认取消并通知
              </Button>
            </>
          }
        >
          <Field label="取消原因（发给预约人）" htmlFor="cl-later-reason">
            <input id="cl-later-reason" className={inputClass} maxLength={100} value={laterReason} onChange={(e) => setLaterReason(e.target.value)} />
          </Field>
        </Dialog>
      )}
    </>
  );
}
