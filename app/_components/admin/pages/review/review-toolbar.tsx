"use client";
// The review queue's filters (room, meeting day) and its batch actions.
import type { Room } from "@/lib/types/api";
import { Button, Field, inputClass } from "../../../ui/kit";

export function ReviewToolbar({
  rooms,
  roomId,
  date,
  onFilter,
  selected,
  disabled,
  onApprove,
  onReject,
  onRefresh,
}: {
  rooms: Room[];
  roomId: string;
  date: string;
  onFilter: (f: { roomId: string; date: string }) => void;
  /** Checked requests on this page. */
  selected: number;
  disabled: boolean;
  onApprove: () => void;
  onReject: () => void;
  onRefresh: () => void;
}) {
  return (
    <div className="flex flex-wrap items-end gap-3 border-b border-slate-100 p-4">
      <Field label="会议室" htmlFor="f-room" className="w-full sm:w-48">
        <select
          id="f-room"
          className={inputClass}
          value={roomId}
          onChange={(e) => onFilter({ roomId: e.target.value, date })}
        >
          <option value="">全部会议室</option>
          {rooms.map((r) => (
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
          onChange={(e) => onFilter({ roomId, date: e.target.value })}
        />
      </Field>
      {(roomId || date) && (
        <Button
          variant="ghost"
          onClick={() => onFilter({ roomId: "", date: "" })}
        >
          清除筛选
        </Button>
      )}
      <div className="flex w-full flex-wrap gap-2 sm:ml-auto sm:w-auto">
        <Button
          variant="success"
          disabled={disabled || selected === 0}
          onClick={onApprove}
          title={disabled ? "自动审核运行中" : undefined}
        >
          批量通过{selected ? ` (${selected})` : ""}
        </Button>
        <Button
          variant="danger"
          disabled={disabled || selected === 0}
          onClick={onReject}
        >
          批量退回{selected ? ` (${selected})` : ""}
        </Button>
        <Button variant="ghost" onClick={onRefresh} aria-label="刷新列表">
          ↻ 刷新
        </Button>
      </div>
    </div>
  );
}
