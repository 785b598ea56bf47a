// The day of one room between opening and closing time: a bar for the eye (hidden from screen readers) and the same
// facts as a list. Server component; times are formatted in the campus zone by the caller.
import Link from "next/link";
import type { Period } from "@/lib/types/api";
import { focusRing } from "../ui/kit";

export interface TimelineProps {
  opensAt: number;
  closesAt: number;
  now: number;
  busy: Period[];
  /** Other people's pending requests (申请中): hatched, no names; the time still shows free until one is approved. */
  pending?: Period[];
  free: Period[];
  fmt: (ms: number) => string;
  /** Link to book a free stretch, or null when booking is not possible (closed room, past day). */
  bookHref: (w: Period) => string | null;
  labels: { busy: string; free: string; past: string; pending?: string; pendingPeriod?: (p: Period) => string; busyPeriod: (p: Period) => string; freePeriod: (p: Period) => string; book: (p: Period) => string; empty: string };
}

export function Timeline(p: TimelineProps) {
  const span = Math.max(1, p.closesAt - p.opensAt);
  const pct = (ms: number) => `${(Math.min(Math.max(ms - p.opensAt, 0), span) / span) * 100}%`;
  const width = (a: number, b: number) => `${((Math.min(b, p.closesAt) - Math.max(a, p.opensAt)) / span) * 100}%`;
  const hours: number[] = [];
  const firstHour = Math.ceil(p.opensAt / 3_600_000) * 3_600_000;
  for (let h = firstHour; h <= p.closesAt; h += 3_600_000) hours.push(h);
  const step = hours.length > 10 ? 2 : 1;
  const items = [
    ...p.busy.map((b) => ({ ...b, kind: "busy" as const })),
    ...p.free.map((f) => ({ ...f, kind: "free" as const })),
    ...(p.pending ?? []).map((f) => ({ ...f, kind: "pending" as const })),
  ].sort((a, b) => a.start - b.start || (a.kind === "pending" ? 1 : -1));
  const hatch = "bg-[repeating-linear-gradient(135deg,var(--color-warning-500)_0,var(--color-warning-500)_3px,var(--color-warning-100)_3px,var(--color-warning-100)_7px)]";

  return (
    <div>
      <div aria-hidden="true" className="pt-1">
        <div className="relative h-10 overflow-hidden rounded-lg bg-success-100 ring-1 ring-inset ring-success-300">
          {p.now > p.opensAt && (
            <div
              className="absolute inset-y-0 left-0 bg-[repeating-linear-gradient(135deg,#e2e8f0_0,#e2e8f0_6px,#f1f5f9_6px,#f1f5f9_12px)]"
              style={{ width: pct(p.now) }}
            />
          )}
          {(p.pending ?? []).map((b, i) => (
            <div
              key={`p-${b.start}-${i}`}
              data-testid="timeline-pending"
              className={`absolute inset-y-1 rounded-sm opacity-90 ${hatch}`}
              style={{ left: pct(b.start), width: width(b.start, b.end) }}
            />
          ))}
          {p.busy.map((b) => (
            <div
              key={b.start}
              className="absolute inset-y-0 border-x border-white/70 bg-danger-500"
              style={{ left: pct(b.start), width: width(b.start, b.end) }}
            />
          ))}
        </div>
        <div className="relative mt-1 h-4 text-[11px] tabular-nums text-slate-600">
          {hours.map((h, i) =>
            i % step === 0 ? (
              <span key={h} className="absolute -translate-x-1/2 first:translate-x-0 last:-translate-x-full" style={{ left: pct(h) }}>
                {p.fmt(h)}
              </span>
            ) : null,
          )}
        </div>
        <div className="mt-3 flex gap-4 text-xs text-slate-600">
          <span className="inline-flex items-center gap-1.5">
            <span className="size-3 rounded-sm bg-success-100 ring-1 ring-success-300" />
            {p.labels.free}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span className="size-3 rounded-sm bg-danger-500" />
            {p.labels.busy}
          </span>
          {(p.pending ?? []).length > 0 && (
            <span className="inline-flex items-center gap-1.5">
              <span className={`size-3 rounded-sm ${hatch}`} />
              {p.labels.pending}
            </span>
          )}
          <span className="inline-flex items-center gap-1.5">
            <span className="size-3 rounded-sm bg-slate-200" />
            {p.labels.past}
          </span>
        </div>
      </div>
      {p.busy.length === 0 && (p.pending ?? []).length === 0 && <p className="mt-4 text-sm text-slate-700">{p.labels.empty}</p>}
      <ul className="mt-4 divide-y divide-slate-100">
        {items.map((it) => {
          const href = it.kind === "free" ? p.bookHref(it) : null;
          return (
            <li key={`${it.kind}-${it.start}-${it.end}`} data-kind={it.kind} className="flex min-h-12 items-center justify-between gap-3 py-2">
              <span className="flex items-center gap-2 text-sm">
                <span aria-hidden="true" className={`size-2.5 rounded-full ${it.kind === "busy" ? "bg-danger-500" : it.kind === "pending" ? "bg-warning-500" : "bg-success-500"}`} />
                <span className={`tabular-nums ${it.kind === "pending" ? "text-warning-900" : ""}`}>
                  {it.kind === "busy" ? p.labels.busyPeriod(it) : it.kind === "pending" ? (p.labels.pendingPeriod?.(it) ?? "") : p.labels.freePeriod(it)}
                </span>
              </span>
              {href && (
                <Link href={href} className={`rounded-lg px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 ${focusRing}`}>
                  {p.labels.book(it)}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
