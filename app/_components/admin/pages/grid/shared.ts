// What the grid's parts share: time arithmetic, booking kinds (pattern, label and icon, not colour alone) and the
// slot a click or drag selects.
import type { GridBooking, GridRoom } from "@/lib/types/api";

export const DAY = 86_400_000;
export const SNAP = 15;
export const pad = (n: number) => String(n).padStart(2, "0");
export const hhmm = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
export const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
export const shiftDate = (date: string, days: number) => {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
};

export type Kind = "pending" | "approved" | "checkedin" | "closed";
export const KIND_LABEL: Record<Kind, string> = { pending: "待审核", approved: "已通过", checkedin: "已签到", closed: "关闭" };
export const KIND_CLASS: Record<Kind, string> = {
  pending: "border-2 border-dashed border-warning-600 bg-[repeating-linear-gradient(135deg,var(--color-warning-50)_0_6px,var(--color-warning-200)_6px_8px)] text-warning-950",
  approved: "border border-brand-700 bg-brand-600 text-white",
  checkedin: "border-2 border-success-800 bg-success-700 text-white",
  closed: "border border-slate-500 bg-[repeating-linear-gradient(45deg,#e2e8f0_0_5px,#94a3b8_5px_7px)] text-slate-900",
};
export const kindOf = (b: GridBooking): Kind => (b.status === 2 ? "pending" : b.checkedInAt ? "checkedin" : "approved");
export const ICON: Record<Kind, string> = { pending: "?", approved: "●", checkedin: "✓", closed: "✕" };

export interface Selection {
  room: GridRoom;
  dayStart: number;
  date: string;
  from: number;
  to: number;
}

export function groupByBuilding(rooms: GridRoom[]) {
  const groups: { building: string; rooms: GridRoom[] }[] = [];
  for (const r of rooms) {
    const last = groups.at(-1);
    if (last && last.building === r.building) last.rooms.push(r);
    else groups.push({ building: r.building, rooms: [r] });
  }
  return groups;
}

export const STATUS_TEXT: Record<number, string> = { 0: "已过期", 1: "已取消", 2: "审核中", 3: "已通过", 4: "已退回" };
