"use client";
// The wide grid: rooms as rows grouped by building, time as columns; drag over free time to book.
import { useMemo, useRef, useState } from "react";
import { whereLabel } from "@/lib/domain/where-label";
import type { BookingGrid, GridBooking, GridRoom } from "@/lib/types/api";
import { DAY, SNAP, hhmm, KIND_LABEL, KIND_CLASS, kindOf, ICON, groupByBuilding, type Selection } from "./shared";

export function DesktopGrid({
  data,
  view,
  onOpen,
  onSelect,
}: {
  data: BookingGrid;
  view: "day" | "week";
  onOpen: (b: GridBooking, r: GridRoom) => void;
  onSelect: (s: Selection) => void;
}) {
  const hours = useMemo(() => {
    const out: number[] = [];
    for (let m = Math.ceil(data.openMinute / 60) * 60; m < data.closeMinute; m += 60) out.push(m);
    return out;
  }, [data.openMinute, data.closeMinute]);
  const span = data.closeMinute - data.openMinute;
  return (
    <div className="hidden overflow-x-auto md:block">
      <div className={view === "week" ? "min-w-[1100px]" : "min-w-[900px]"}>
        <div className="sticky top-0 z-10 flex border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
          <div className="w-44 shrink-0 px-3 py-2 font-medium">会议室</div>
          {data.days.map((d) => (
            <div key={d.date} className="relative flex-1 border-l border-slate-200 px-1 py-1">
              {view === "week" ? (
                <div className="text-center">
                  <div className="font-medium text-slate-800">{d.date.slice(5)}</div>
                  <div>
                    {d.label}
                    {d.holiday ? ` · ${d.holiday}` : ""}
                  </div>
                </div>
              ) : (
                <>
                  <div className="mb-1 font-medium text-slate-800">
                    {d.date} {d.label}
                    {d.holiday ? ` · ${d.holiday}` : ""}
                  </div>
                  <div className="relative h-4">
                    {hours.map((m) => (
                      <span key={m} className="absolute -translate-x-1/2 tabular-nums" style={{ left: `${((m - data.openMinute) / span) * 100}%` }}>
                        {hhmm(m)}
                      </span>
                    ))}
                  </div>
                </>
              )}
            </div>
          ))}
        </div>
        {groupByBuilding(data.rooms).map((g) => (
          <div key={g.building || "-"} role="rowgroup" aria-label={g.building || "未设置楼宇"}>
            <div className="border-b border-slate-200 bg-slate-100 px-3 py-1 text-xs font-semibold text-slate-700">{g.building || "未设置楼宇"}</div>
            {g.rooms.map((r) => (
              <div key={r.id} className="flex border-b border-slate-100" data-room={r.place}>
                <div className="w-44 shrink-0 px-3 py-1.5 text-sm">
                  <div className="truncate font-medium text-slate-900" title={r.place}>
                    {r.place}
                  </div>
                  <div className="truncate text-xs text-slate-500">
                    {r.size}人{r.floor ? ` · ${whereLabel("", r.floor)}` : ""}
                    {r.checkInRequired ? " · 需签到" : ""}
                    {!r.available ? " · 未开放" : ""}
                  </div>
                </div>
                {data.days.map((d, i) => (
                  <Lane key={d.date} room={r} date={d.date} dayStart={data.fromMs + i * DAY} hours={view === "day" ? hours : []} compact={view === "week"} onOpen={onOpen} onSelect={onSelect} />
                ))}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function Lane({
  room,
  date,
  dayStart,
  hours,
  compact,
  onOpen,
  onSelect,
}: {
  room: GridRoom;
  date: string;
  dayStart: number;
  hours: number[];
  /** Week view: a narrow lane, blocks show their symbol and start only (the label is in aria-label and title). */
  compact: boolean;
  onOpen: (b: GridBooking, r: GridRoom) => void;
  onSelect: (s: Selection) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const open = room.openMinute;
  const span = room.closeMinute - room.openMinute;
  const winStart = dayStart + open * 60_000;
  const winEnd = dayStart + room.closeMinute * 60_000;
  const pos = (s: number, e: number) => {
    const a = Math.max(s, winStart);
    const b = Math.min(e, winEnd);
    return { left: `${((a - winStart) / (span * 60_000)) * 100}%`, width: `${Math.max(0.6, ((b - a) / (span * 60_000)) * 100)}%` };
  };
  const minuteAt = (clientX: number) => {
    const box = ref.current!.getBoundingClientRect();
    const f = Math.min(1, Math.max(0, (clientX - box.left) / box.width));
    return open + Math.round((f * span) / SNAP) * SNAP;
  };
  const items = room.bookings.filter((b) => b.end > winStart && b.start < winEnd);
  const closed = room.closed.filter((c) => c.end > winStart && c.start < winEnd);
  return (
    <div
      ref={ref}
      className="relative h-12 flex-1 cursor-crosshair touch-none border-l border-slate-200 select-none"
      onPointerDown={(e) => {
        if (e.target !== ref.current || e.button !== 0 || !room.available) return;
        ref.current.setPointerCapture(e.pointerId);
        const m = minuteAt(e.clientX);
        setDrag({ a: m, b: m });
      }}
      onPointerMove={(e) => drag && setDrag({ ...drag, b: minuteAt(e.clientX) })}
      onPointerUp={() => {
        if (!drag) return;
        const from = Math.min(drag.a, drag.b);
        const to = Math.max(drag.a, drag.b);
        setDrag(null);
        if (to - from >= SNAP) onSelect({ room, dayStart, date, from, to });
      }}
    >
      {hours.map((m) => (
        <span key={m} aria-hidden className="pointer-events-none absolute inset-y-0 border-l border-slate-100" style={{ left: `${((m - open) / span) * 100}%` }} />
      ))}
      {closed.map((c) => (
        <div
          key={`${c.closureId}-${c.start}`}
          className={`pointer-events-none absolute inset-y-1 overflow-hidden whitespace-nowrap rounded px-0.5 text-[11px] leading-tight ${KIND_CLASS.closed}`}
          style={pos(c.start, c.end)}
          title={`关闭：${c.reason}`}
        >
          <span className="rounded bg-white/85 px-0.5 font-semibold">{compact ? "✕" : `✕ 关闭 ${c.reason}`}</span>
        </div>
      ))}
      {items.map((b) => {
        const k = kindOf(b);
        return (
          <button
            key={b.id}
            type="button"
            onClick={() => onOpen(b, room)}
            className={`absolute inset-y-1 overflow-hidden rounded px-0.5 text-left text-[11px] leading-tight whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-slate-900 ${KIND_CLASS[k]}`}
            style={pos(b.start, b.end)}
            aria-label={`${KIND_LABEL[k]}：${b.startsAt.slice(11)}–${b.endsAt.slice(11)} ${b.purpose}，${b.booker}`}
            title={`${KIND_LABEL[k]} ${b.startsAt.slice(11)}–${b.endsAt.slice(11)} ${b.purpose} · ${b.booker}`}
          >
            {compact ? (
              <span className="font-semibold">{ICON[k]}</span>
            ) : (
              <>
                <span className="font-semibold">
                  {ICON[k]} {KIND_LABEL[k]}
                </span>{" "}
                <span>{b.purpose}</span>
                <span className="block truncate opacity-90">
                  {b.startsAt.slice(11)}–{b.endsAt.slice(11)} {b.booker}
                </span>
              </>
            )}
          </button>
        );
      })}
      {drag && drag.a !== drag.b && (
        <div
          aria-hidden
          className="pointer-events-none absolute inset-y-0.5 rounded border-2 border-brand-700 bg-brand-100/70 text-[11px] font-semibold text-brand-700"
          style={pos(dayStart + Math.min(drag.a, drag.b) * 60_000, dayStart + Math.max(drag.a, drag.b) * 60_000)}
        >
          {hhmm(Math.min(drag.a, drag.b))}–{hhmm(Math.max(drag.a, drag.b))}
        </div>
      )}
    </div>
  );
}
