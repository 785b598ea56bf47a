"use client";
// On a phone each room is a card listing its bookings and a way to book it.
import { whereLabel } from "@/lib/domain/where-label";
import type { BookingGrid, GridBooking, GridRoom } from "@/lib/types/api";
import { Button } from "../../../ui/kit";
import { DAY, KIND_LABEL, KIND_CLASS, kindOf, ICON, type Selection } from "./shared";

export function PhoneCards({ data, onOpen, onBook }: { data: BookingGrid; onOpen: (b: GridBooking, r: GridRoom) => void; onBook: (s: Selection) => void }) {
  return (
    <ul className="divide-y divide-slate-100 md:hidden">
      {data.rooms.map((r) => (
        <li key={r.id} className="px-4 py-3" data-room-card={r.place}>
          <div className="flex items-start justify-between gap-2">
            <div>
              <p className="font-medium text-slate-900">{r.place}</p>
              <p className="text-xs text-slate-500">
                {r.building || "未设置楼宇"}
                {r.floor ? ` · ${whereLabel("", r.floor)}` : ""} · {r.size}人{r.checkInRequired ? " · 需签到" : ""}
              </p>
            </div>
            {r.available && (
              <Button size="sm" onClick={() => onBook({ room: r, dayStart: data.fromMs, date: data.days[0].date, from: Math.max(r.openMinute, 9 * 60), to: Math.max(r.openMinute, 9 * 60) + 60 })}>
                代为预约
              </Button>
            )}
          </div>
          {data.days.map((d, i) => {
            const start = data.fromMs + i * DAY;
            const items = r.bookings.filter((b) => b.start < start + DAY && b.end > start);
            const closed = r.closed.filter((c) => c.start < start + DAY && c.end > start);
            if (data.days.length > 1 && items.length === 0 && closed.length === 0) return null;
            return (
              <div key={d.date} className="mt-2">
                {data.days.length > 1 && (
                  <p className="text-xs font-medium text-slate-600">
                    {d.date.slice(5)} {d.label}
                  </p>
                )}
                {items.length === 0 && closed.length === 0 && <p className="text-xs text-slate-500">全天空闲</p>}
                <ul className="mt-1 space-y-1">
                  {closed.map((c) => (
                    <li key={`${c.closureId}-${c.start}`} className={`rounded px-2 py-1 text-xs ${KIND_CLASS.closed}`}>
                      <span className="rounded bg-white/85 px-1 font-semibold">✕ 关闭</span> {c.reason}
                    </li>
                  ))}
                  {items.map((b) => {
                    const k = kindOf(b);
                    return (
                      <li key={b.id}>
                        <button type="button" onClick={() => onOpen(b, r)} className={`w-full rounded px-2 py-1.5 text-left text-xs ${KIND_CLASS[k]}`}>
                          <span className="font-semibold">
                            {ICON[k]} {KIND_LABEL[k]}
                          </span>{" "}
                          {b.startsAt.slice(11)}–{b.endsAt.slice(11)} {b.purpose} · {b.booker}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </li>
      ))}
    </ul>
  );
}
