"use client";
import { Button } from "./kit";

export const PAGE_SIZES = [10, 20, 50, 100];

/** Server-side paging controls: the server returns `count`, the page asks for one window at a time. */
export function Pagination({
  page,
  size,
  count,
  onPage,
  onSize,
}: {
  page: number;
  size: number;
  count: number;
  onPage: (p: number) => void;
  onSize?: (s: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(count / size));
  const from = count === 0 ? 0 : (page - 1) * size + 1;
  const to = Math.min(count, page * size);
  return (
    <nav aria-label="分页" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-3 text-sm text-slate-600">
      <span>
        第 {from}–{to} 条，共 {count} 条
      </span>
      <div className="flex items-center gap-2">
        {onSize && (
          <label className="flex items-center gap-1.5">
            <span className="sr-only sm:not-sr-only">每页</span>
            <select
              value={size}
              onChange={(e) => onSize(Number(e.target.value))}
              className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
              aria-label="每页条数"
            >
              {PAGE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <Button size="sm" onClick={() => onPage(page - 1)} disabled={page <= 1} aria-label="上一页">
          ‹ 上一页
        </Button>
        <span aria-current="page" className="min-w-16 text-center tabular-nums">
          {page} / {pages}
        </span>
        <Button size="sm" onClick={() => onPage(page + 1)} disabled={page >= pages} aria-label="下一页">
          下一页 ›
        </Button>
      </div>
    </nav>
  );
}
