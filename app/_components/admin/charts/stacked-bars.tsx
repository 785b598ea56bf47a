"use client";
import { useEffect, useRef, useState } from "react";
import { STATUS_META } from "../status";

export interface DayBucket {
  date: string;
  byStatus: Record<string, number>;
  total: number;
}

/** Submissions per day, stacked by status. Hand-rolled SVG: no chart library in the bundle. */
export function StackedBars({ days }: { days: DayBucket[] }) {
  const [hover, setHover] = useState<number | null>(null);
  // Drawn at the container's real width so that labels keep their size on a phone.
  const box = useRef<HTMLDivElement>(null);
  const [W, setW] = useState(720);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setW(Math.max(280, Math.round(e.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const H = W < 500 ? 180 : 220;
  const labelEvery = W < 500 ? 10 : 5;
  const pad = { l: 32, r: 8, t: 10, b: 26 };
  const max = Math.max(4, ...days.map((d) => d.total));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const bw = (W - pad.l - pad.r) / days.length;
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / top);
  const shown = hover !== null ? days[hover] : null;
  return (
    <figure>
      <div className="relative" ref={box}>
        <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={`近${days.length}天每日预约提交量，按状态堆叠`}>
          {Array.from({ length: top / step + 1 }, (_, i) => i * step).map((v) => (
            <g key={v}>
              <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} stroke="#e2e8f0" strokeDasharray={v === 0 ? undefined : "3 3"} />
              <text x={pad.l - 6} y={y(v) + 4} textAnchor="end" fontSize="10" fill="#64748b">
                {v}
              </text>
            </g>
          ))}
          {days.map((d, i) => {
            let acc = 0;
            const x = pad.l + i * bw + bw * 0.15;
            return (
              <g key={d.date} onMouseEnter={() => setHover(i)} onMouseLeave={() => setHover(null)}>
                <rect x={pad.l + i * bw} y={pad.t} width={bw} height={H - pad.t - pad.b} fill={hover === i ? "#f1f5f9" : "transparent"} />
                {STATUS_META.map((s) => {
                  const v = d.byStatus[String(s.code)] ?? 0;
                  if (!v) return null;
                  const y1 = y(acc + v);
                  const h = y(acc) - y1;
                  acc += v;
                  return <rect key={s.code} x={x} y={y1} width={bw * 0.7} height={Math.max(h, 0.5)} fill={s.color} />;
                })}
                {(i % labelEvery === labelEvery - 1 || i === days.length - 1) && (
                  <text x={pad.l + i * bw + bw / 2} y={H - 8} textAnchor="middle" fontSize="10" fill="#64748b">
                    {d.date.slice(5)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        {shown && (
          <div className="pointer-events-none absolute right-2 top-0 rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow">
            <p className="font-medium text-slate-900">
              {shown.date} · 共 {shown.total}
            </p>
            {STATUS_META.map((s) => (
              <p key={s.code} className="text-slate-600">
                {s.label} {shown.byStatus[String(s.code)] ?? 0}
              </p>
            ))}
          </div>
        )}
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {STATUS_META.map((s) => (
          <span key={s.code} className="inline-flex items-center gap-1.5">
            <span aria-hidden className="h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </figcaption>
      {/* The same numbers for screen readers (wrapped: a table ignores the 1px box of sr-only and would add height). */}
      <div className="sr-only">
      <table>
        <caption>每日预约提交量</caption>
        <thead>
          <tr>
            <th>日期</th>
            {STATUS_META.map((s) => (
              <th key={s.code}>{s.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date}>
              <td>{d.date}</td>
              {STATUS_META.map((s) => (
                <td key={s.code}>{d.byStatus[String(s.code)] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}

function niceStep(max: number) {
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return Math.max(1, m * p);
  return Math.max(1, 10 * p);
}
