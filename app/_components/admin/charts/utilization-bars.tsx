"use client";

export interface RoomUtilization {
  roomId: number;
  place: string;
  available: boolean;
  bookedMinutes: number;
  openMinutes: number;
  ratio: number;
}

const hours = (m: number) => (m / 60).toFixed(m % 60 === 0 ? 0 : 1);

/** One horizontal bar per room: booked share of its open time. */
export function UtilizationBars({ rooms }: { rooms: RoomUtilization[] }) {
  if (rooms.length === 0) return <p className="text-sm text-slate-500">暂无开放的会议室</p>;
  return (
    <ul className="space-y-3">
      {rooms.map((r) => {
        const pct = Math.round(r.ratio * 1000) / 10;
        const color = r.ratio >= 0.8 ? "bg-danger-600" : r.ratio >= 0.5 ? "bg-warning-500" : "bg-brand-600";
        return (
          <li key={r.roomId}>
            <div className="mb-1 flex items-baseline justify-between gap-2 text-sm">
              <span className="truncate font-medium text-slate-800">
                {r.place}
                {!r.available && <span className="ml-1.5 text-xs font-normal text-slate-500">(已关闭)</span>}
              </span>
              <span className="shrink-0 tabular-nums text-slate-600">
                {pct}% <span className="text-xs text-slate-500">· {hours(r.bookedMinutes)} 小时</span>
              </span>
            </div>
            <div
              className="h-2.5 overflow-hidden rounded-full bg-slate-100"
              role="meter"
              aria-label={`${r.place} 利用率`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={pct}
            >
              <div className={`h-full rounded-full ${color}`} style={{ width: `${Math.max(pct, r.bookedMinutes > 0 ? 1.5 : 0)}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
