"use client";
import { useEffect, useState } from "react";
import type { GridBooking, GridRoom } from "@/lib/types/api";
import { BASE_EQUIPMENT } from "@/lib/domain/equipment";
import { Button, Card, EmptyState, ErrorState, Field, inputClass, PageHeader } from "../../ui/kit";
import { Pagination } from "../../ui/pagination";
import { usePaging } from "../../ui/use-paging";
import { useGrid } from "../../data/use-grid";
import { localToday, shiftDate, KIND_LABEL, KIND_CLASS, ICON, type Kind, type Selection } from "./grid/shared";
import { BookingDetail } from "./grid/booking-detail";
import { BookOnBehalf } from "./grid/book-on-behalf";
import { DesktopGrid } from "./grid/desktop-grid";
import { PhoneCards } from "./grid/phone-cards";

// The bookings grid: rooms as rows (grouped by building), time as columns, one day or one week. States differ by
// pattern and label, not colour alone. Rooms are paged on the server; on a phone each room is a card.

function Legend() {
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-slate-700" aria-label="图例">
      {(Object.keys(KIND_LABEL) as Kind[]).map((k) => (
        <li key={k} className="flex items-center gap-1.5">
          <span aria-hidden className={`inline-flex h-4 w-7 items-center justify-center rounded text-[10px] font-bold ${KIND_CLASS[k]}`}>
            {ICON[k]}
          </span>
          {KIND_LABEL[k]}
        </li>
      ))}
    </ul>
  );
}

export function GridPage() {
  const [date, setDate] = useState(localToday);
  const [view, setView] = useState<"day" | "week">("day");
  const [building, setBuilding] = useState("");
  const [minCapacity, setMinCapacity] = useState("");
  const [equipment, setEquipment] = useState<string[]>([]);
  const [status, setStatus] = useState("");
  const [q, setQ] = useState("");
  const { page, size, setPage, pagerProps } = usePaging(50);
  const params = { date, view, page, size, building, minCapacity, equipment, status, q };
  const grid = useGrid(params);
  useEffect(() => setPage(1), [building, minCapacity, equipment, status, q, setPage]);
  const [detail, setDetail] = useState<{ booking: GridBooking; room: GridRoom } | null>(null);
  const [booking, setBooking] = useState<Selection | null>(null);
  const data = grid.data;

  return (
    <>
      <PageHeader title="预约总览" description="所有会议室的预约、签到和关闭情况。点击预约查看详情；在空白处拖动可代他人预约。" />
      <Card className="mb-4">
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex items-end gap-1">
            <Button aria-label={view === "day" ? "前一天" : "上一周"} onClick={() => setDate(shiftDate(date, view === "day" ? -1 : -7))}>
              ‹
            </Button>
            <Field label="日期" htmlFor="grid-date">
              <input id="grid-date" type="date" className={inputClass} value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
            </Field>
            <Button aria-label={view === "day" ? "后一天" : "下一周"} onClick={() => setDate(shiftDate(date, view === "day" ? 1 : 7))}>
              ›
            </Button>
            <Button variant="ghost" onClick={() => setDate(localToday())}>
              今天
            </Button>
          </div>
          <div role="group" aria-label="视图" className="flex overflow-hidden rounded-lg border border-slate-300">
            {(["day", "week"] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={view === v}
                onClick={() => setView(v)}
                className={`h-10 px-4 text-sm ${view === v ? "bg-brand-600 font-semibold text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
              >
                {v === "day" ? "日" : "周"}
              </button>
            ))}
          </div>
          <Field label="楼宇" htmlFor="grid-building">
            <select id="grid-building" className={inputClass} value={building} onChange={(e) => setBuilding(e.target.value)}>
              <option value="">全部楼宇</option>
              {data?.buildings.map((b) => (
                <option key={b || "-"} value={b || "-"}>
                  {b || "未设置楼宇"}
                </option>
              ))}
            </select>
          </Field>
          <Field label="至少容纳" htmlFor="grid-cap" className="w-28">
            <input id="grid-cap" type="number" min={0} inputMode="numeric" className={inputClass} value={minCapacity} onChange={(e) => setMinCapacity(e.target.value)} placeholder="人数" />
          </Field>
          <Field label="状态" htmlFor="grid-status">
            <select id="grid-status" className={inputClass} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">全部会议室</option>
              <option value="pending">有待审核</option>
              <option value="approved">有已通过</option>
              <option value="checkedin">有已签到</option>
              <option value="closed">有关闭</option>
            </select>
          </Field>
          <Field label="搜索地点" htmlFor="grid-q" className="w-40">
            <input id="grid-q" type="search" className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} placeholder="如 逸夫楼301" />
          </Field>
        </div>
        <fieldset className="mt-3 flex flex-wrap items-center gap-2">
          <legend className="sr-only">设备</legend>
          <span className="text-sm text-slate-600">设备：</span>
          {BASE_EQUIPMENT.map((e) => {
            const on = equipment.includes(e);
            return (
              <button
                key={e}
                type="button"
                aria-pressed={on}
                onClick={() => setEquipment(on ? equipment.filter((x) => x !== e) : [...equipment, e])}
                className={`rounded-full border px-3 py-1 text-xs ${on ? "border-brand-600 bg-brand-50 font-semibold text-brand-700" : "border-slate-300 bg-white text-slate-700"}`}
              >
                {on ? "✓ " : ""}
                {e}
              </button>
            );
          })}
        </fieldset>
        <div className="mt-3">
          <Legend />
        </div>
      </Card>

      {grid.error && <ErrorState error={grid.error} onRetry={() => grid.refetch()} />}
      {!data && !grid.error && <div className="h-64 animate-pulse rounded-xl bg-white" aria-label="加载中" />}
      {data && (
        <section className="rounded-xl border border-slate-200 bg-white shadow-sm" aria-busy={grid.isFetching}>
          {data.rooms.length === 0 ? (
            <EmptyState>没有符合条件的会议室。</EmptyState>
          ) : (
            <>
              <DesktopGrid data={data} view={view} onOpen={(b, r) => setDetail({ booking: b, room: r })} onSelect={setBooking} />
              <PhoneCards data={data} onOpen={(b, r) => setDetail({ booking: b, room: r })} onBook={setBooking} />
            </>
          )}
          <Pagination {...pagerProps(data.total)} />
        </section>
      )}
      {detail && data && <BookingDetail booking={detail.booking} room={detail.room} onClose={() => setDetail(null)} />}
      {booking && <BookOnBehalf sel={booking} onClose={() => setBooking(null)} />}
    </>
  );
}
