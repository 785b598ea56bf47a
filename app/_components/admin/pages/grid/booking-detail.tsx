"use client";
// One booking of the grid: its facts, and what an admin may do with it (cancel, move).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { GridBooking, GridRoom } from "@/lib/types/api";
import { Badge, Button, Field, inputClass } from "../../../ui/kit";
import { Dialog } from "../../../ui/dialog";
import { useToast } from "../../../ui/toast";
import { errorText, postForm } from "../../../data/client";
import { keys } from "../../../data/keys";
import { RoomPicker, type RoomChoice } from "../../room-picker";
import { kindOf, ICON, STATUS_TEXT } from "./shared";

export function BookingDetail({ booking: b, room, onClose }: { booking: GridBooking; room: GridRoom; onClose: () => void }) {
  const toast = useToast();
  const qc = useQueryClient();
  const [mode, setMode] = useState<"view" | "cancel" | "move">("view");
  const [reason, setReason] = useState("");
  const [roomId, setRoomId] = useState<RoomChoice>({ id: room.id, place: room.place, building: room.building, size: room.size });
  const [day, setDay] = useState(b.startsAt.slice(0, 10));
  const [start, setStart] = useState(b.startsAt.slice(11));
  const [end, setEnd] = useState(b.endsAt.slice(11));
  const [error, setError] = useState<string | null>(null);
  // Whether the booking has not ended, as of opening the dialog.
  const [openedAt] = useState(Date.now);
  const live = b.end > openedAt;
  const done = (msg: string) => {
    toast.success(msg);
    qc.invalidateQueries({ queryKey: keys.grid.all });
    onClose();
  };
  const cancel = useMutation({
    mutationFn: () => postForm("/api/admin/bookings/cancel", { id: b.id, reason }),
    onSuccess: () => done("已取消，并已通知预约人"),
    onError: (e) => setError(errorText(e)),
  });
  const minutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  const move = useMutation({
    mutationFn: () => postForm("/api/admin/bookings/move", { id: b.id, roomId: roomId.id, start: `${day}T${start}`, duration: minutes(end) - minutes(start) }),
    onSuccess: () => done("已调整，并已通知预约人原时间地点和新时间地点"),
    onError: (e) => setError(errorText(e)),
  });
  const k = kindOf(b);
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={`预约 #${b.id}`}
      footer={
        mode === "view" ? (
          <>
            {live && (
              <>
                <Button onClick={() => setMode("move")}>调整时间/地点</Button>
                <Button variant="danger" onClick={() => setMode("cancel")}>
                  取消预约
                </Button>
              </>
            )}
            <Button variant="primary" onClick={onClose}>
              关闭
            </Button>
          </>
        ) : mode === "cancel" ? (
          <>
            <Button onClick={() => setMode("view")}>返回</Button>
            <Button variant="danger" disabled={!reason.trim() || cancel.isPending} onClick={() => cancel.mutate()}>
              {cancel.isPending ? "处理中…" : "确认取消并通知"}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={() => setMode("view")}>返回</Button>
            <Button variant="primary" disabled={move.isPending || !start || !end || minutes(end) <= minutes(start)} onClick={() => move.mutate()}>
              {move.isPending ? "处理中…" : "确认调整并通知"}
            </Button>
          </>
        )
      }
    >
      <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1.5 text-sm">
        <dt className="text-slate-500">状态</dt>
        <dd>
          <Badge tone={k === "pending" ? "amber" : k === "checkedin" ? "green" : "blue"}>
            {ICON[k]} {k === "checkedin" ? `已通过 · 已签到（${b.checkedInAt}）` : STATUS_TEXT[b.status]}
          </Badge>
        </dd>
        <dt className="text-slate-500">会议室</dt>
        <dd>
          {room.place}
          {room.building ? `（${room.building}）` : ""}
        </dd>
        <dt className="text-slate-500">时间</dt>
        <dd>
          {b.startsAt}–{b.endsAt.slice(11)}
        </dd>
        <dt className="text-slate-500">预约人</dt>
        <dd>
          {b.booker}（{b.userid}） {b.phone}
        </dd>
        <dt className="text-slate-500">用途</dt>
        <dd>{b.purpose || "—"}</dd>
        <dt className="text-slate-500">人数</dt>
        <dd>{b.participants}</dd>
        {b.note && (
          <>
            <dt className="text-slate-500">备注</dt>
            <dd>{b.note}</dd>
          </>
        )}
        <dt className="text-slate-500">审核信息</dt>
        <dd>{b.checkInfo ?? "—"}</dd>
        <dt className="text-slate-500">提交时间</dt>
        <dd>{b.submittedAt}</dd>
        {b.seriesId && (
          <>
            <dt className="text-slate-500">周期预约</dt>
            <dd>系列 #{b.seriesId}</dd>
          </>
        )}
      </dl>
      {mode === "cancel" && (
        <Field label="取消原因（会发给预约人）" htmlFor="cancel-reason" error={error} className="mt-4">
          <textarea id="cancel-reason" rows={2} maxLength={100} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：会议室临时维修" />
        </Field>
      )}
      {mode === "move" && (
        <div className="mt-4 grid gap-3 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <RoomPicker id="move-room" currentId={room.id} value={roomId} onChange={setRoomId} />
          </div>
          <Field label="日期" htmlFor="move-day">
            <input id="move-day" type="date" className={inputClass} value={day} onChange={(e) => setDay(e.target.value)} />
          </Field>
          <Field label="开始" htmlFor="move-start">
            <input id="move-start" type="time" step={300} className={inputClass} value={start} onChange={(e) => setStart(e.target.value)} />
          </Field>
          <Field label="结束" htmlFor="move-end">
            <input id="move-end" type="time" step={300} className={inputClass} value={end} onChange={(e) => setEnd(e.target.value)} />
          </Field>
          {error && (
            <p role="alert" className="text-sm text-danger-700 sm:col-span-2">
              {error}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}

