"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import type { BookingGrid, GridBooking, GridRoom } from "@/lib/types/api";
import { BASE_EQUIPMENT } from "@/lib/services/rooms/equipment";
import { Badge, Button, Card, EmptyState, ErrorState, Field, inputClass, PageHeader } from "../../ui/controls";
import { Dialog } from "../../ui/dialog";
import { Pagination } from "../../ui/pagination";
import { useToast } from "../../ui/toast";
import { usePaging } from "../../ui/use-paging";
import { errorText, postForm } from "../../data/client";
import { keys } from "../../data/keys";
import { useGrid, usePeople, type Person } from "../../data/use-grid";

// The bookings grid: rooms as rows (grouped by building), time as columns, one day or one week. States differ by
// pattern and label, not colour alone. Rooms are paged on the server; on a phone each room is a card.

const DAY = 86_400_000;
const SNAP = 15;
const pad = (n: number) => String(n).padStart(2, "0");
const hhmm = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const shiftDate = (date: string, days: number) => {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
};

type Kind = "pending" | "approved" | "checkedin" | "closed";
const KIND_LABEL: Record<Kind, string> = { pending: "待审核", approved: "已通过", checkedin: "已签到", closed: "关闭" };
const KIND_CLASS: Record<Kind, string> = {
  pending: "border-2 border-dashed border-amber-600 bg-[repeating-linear-gradient(135deg,#fffbeb_0_6px,#fde68a_6px_8px)] text-amber-950",
  approved: "border border-brand-700 bg-brand-600 text-white",
  checkedin: "border-2 border-emerald-800 bg-emerald-700 text-white",
  closed: "border border-slate-500 bg-[repeating-linear-gradient(45deg,#e2e8f0_0_5px,#94a3b8_5px_7px)] text-slate-900",
};
const kindOf = (b: GridBooking): Kind => (b.status === 2 ? "pending" : b.checkedInAt ? "checkedin" : "approved");
const ICON: Record<Kind, string> = { pending: "?", approved: "●", checkedin: "✓", closed: "✕" };

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

interface Selection {
  room: GridRoom;
  dayStart: number;
  date: string;
  from: number;
  to: number;
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
      {detail && data && <BookingDetail booking={detail.booking} room={detail.room} rooms={data.rooms} onClose={() => setDetail(null)} />}
      {booking && <BookOnBehalf sel={booking} onClose={() => setBooking(null)} />}
    </>
  );
}

function groupByBuilding(rooms: GridRoom[]) {
  const groups: { building: string; rooms: GridRoom[] }[] = [];
  for (const r of rooms) {
    const last = groups.at(-1);
    if (last && last.building === r.building) last.rooms.push(r);
    else groups.push({ building: r.building, rooms: [r] });
  }
  return groups;
}

function DesktopGrid({
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
                    {r.size}人{r.floor ? ` · ${r.floor}` : ""}
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

function PhoneCards({ data, onOpen, onBook }: { data: BookingGrid; onOpen: (b: GridBooking, r: GridRoom) => void; onBook: (s: Selection) => void }) {
  return (
    <ul className="divide-y divide-slate-100 md:hidden">
      {data.rooms.map((r) => (
        <li key={r.id} className="px-4 py-3" data-room-card={r.place}>
          <div className="flex items-start justify-between gap-2">
            <div>
              <p className="font-medium text-slate-900">{r.place}</p>
              <p className="text-xs text-slate-500">
                {r.building || "未设置楼宇"}
                {r.floor ? ` · ${r.floor}` : ""} · {r.size}人{r.checkInRequired ? " · 需签到" : ""}
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

const STATUS_TEXT: Record<number, string> = { 0: "已过期", 1: "已取消", 2: "审核中", 3: "已通过", 4: "已退回" };

function BookingDetail({ booking: b, room, rooms, onClose }: { booking: GridBooking; room: GridRoom; rooms: GridRoom[]; onClose: () => void }) {
  const toast = useToast();
  const qc = useQueryClient();
  const [mode, setMode] = useState<"view" | "cancel" | "move">("view");
  const [reason, setReason] = useState("");
  const [roomId, setRoomId] = useState(String(room.id));
  const [day, setDay] = useState(b.startsAt.slice(0, 10));
  const [start, setStart] = useState(b.startsAt.slice(11));
  const [end, setEnd] = useState(b.endsAt.slice(11));
  const [error, setError] = useState<string | null>(null);
  const live = b.end > Date.now();
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
    mutationFn: () => postForm("/api/admin/bookings/move", { id: b.id, roomId, start: `${day}T${start}`, duration: minutes(end) - minutes(start) }),
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
          <Field label="会议室" htmlFor="move-room">
            <select id="move-room" className={inputClass} value={roomId} onChange={(e) => setRoomId(e.target.value)}>
              {rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.building ? `${r.building} · ` : ""}
                  {r.place}（{r.size}人）
                </option>
              ))}
            </select>
          </Field>
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
            <p role="alert" className="text-sm text-rose-700 sm:col-span-2">
              {error}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}


function BookOnBehalf({ sel, onClose }: { sel: Selection; onClose: () => void }) {
  const toast = useToast();
  const qc = useQueryClient();
  const [term, setTerm] = useState("");
  const [debounced, setDebounced] = useState("");
  const [person, setPerson] = useState<Person | null>(null);
  const [purpose, setPurpose] = useState("");
  const [size, setSize] = useState("1");
  const [from, setFrom] = useState(hhmm(sel.from));
  const [to, setTo] = useState(hhmm(sel.to));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(term.trim()), 250);
    return () => clearTimeout(t);
  }, [term]);
  const people = usePeople(debounced);
  const minutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  const book = useMutation({
    mutationFn: () =>
      postForm<{ outcome: string }>("/api/admin/bookings/book", {
        userId: person?.id,
        roomId: sel.room.id,
        start: sel.dayStart + minutes(from) * 60_000,
        duration: minutes(to) - minutes(from),
        size,
        purpose,
      }),
    onSuccess: (r) => {
      if (r.outcome === "approved") toast.success(`已为 ${person?.name} 预约 ${sel.room.place} ${from}–${to}`);
      else toast.error("预约已提交，但未能通过：该时段已被占用");
      qc.invalidateQueries({ queryKey: keys.grid.all });
      onClose();
    },
    onError: (e) => setError(errorText(e)),
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`代为预约 ${sel.room.place}`}
      footer={
        <>
          <Button onClick={onClose}>取消</Button>
          <Button variant="primary" disabled={!person || !purpose.trim() || book.isPending} onClick={() => book.mutate()}>
            {book.isPending ? "提交中…" : "预约并通过"}
          </Button>
        </>
      }
    >
      <p className="mb-3 text-sm text-slate-600">{sel.date}</p>
      <div className="grid grid-cols-2 gap-3">
        <Field label="开始" htmlFor="bk-from">
          <input id="bk-from" type="time" step={300} className={inputClass} value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label="结束" htmlFor="bk-to">
          <input id="bk-to" type="time" step={300} className={inputClass} value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
      </div>
      <Field label="预约人（姓名或工号）" htmlFor="bk-person" className="mt-3">
        {person ? (
          <div className="flex items-center justify-between rounded-lg border border-slate-300 px-3 py-2 text-sm">
            <span>
              {person.name}（{person.userid}）
            </span>
            <Button size="sm" variant="ghost" onClick={() => setPerson(null)}>
              更换
            </Button>
          </div>
        ) : (
          <>
            <input id="bk-person" type="search" className={inputClass} value={term} onChange={(e) => setTerm(e.target.value)} placeholder="输入姓名或工号" autoComplete="off" />
            {people.data && (
              <ul className="mt-1 max-h-40 overflow-y-auto rounded-lg border border-slate-200" aria-label="搜索结果">
                {people.data.people.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">没有找到此人</li>}
                {people.data.people.map((p) => (
                  <li key={p.id}>
                    <button type="button" className="w-full px-3 py-2 text-left text-sm hover:bg-slate-50" onClick={() => setPerson(p)}>
                      {p.name}（{p.userid}）
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Field>
      <div className="mt-3 grid grid-cols-[1fr_6rem] gap-3">
        <Field label="用途" htmlFor="bk-purpose">
          <input id="bk-purpose" className={inputClass} maxLength={100} value={purpose} onChange={(e) => setPurpose(e.target.value)} placeholder="如：学位答辩" />
        </Field>
        <Field label="人数" htmlFor="bk-size">
          <input id="bk-size" type="number" min={1} className={inputClass} value={size} onChange={(e) => setSize(e.target.value)} />
        </Field>
      </div>
      {error && (
        <p role="alert" className="mt-3 text-sm text-rose-700">
          {error}
        </p>
      )}
    </Dialog>
  );
}
