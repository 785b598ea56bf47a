"use client";
// Picks an open room by searching place or building on the server, paged (2,000 rooms never travel to the browser):
// where a booking is moved, which room a closure closes.
import { useEffect, useState } from "react";
import type { RoomOption } from "@/lib/types/api";
import { errorText } from "../data/client";
import { useRoomOptions } from "../data/use-room-options";
import { Button, Field, inputClass } from "../ui/kit";

/** What the picker needs of a room (a grid row or a search result). */
export type RoomChoice = Pick<RoomOption, "id" | "place" | "building" | "size">;

/**
 * Where a booking can be moved: any open room, searched by place or building on the server and paged (the grid page
 * holds only some rooms). Whether it is free then is checked by the move itself.
 */
export function RoomPicker({ id, currentId, value, onChange }: { id: string; currentId?: number; value: RoomChoice | null; onChange: (r: RoomChoice) => void }) {
  const [term, setTerm] = useState("");
  const [debounced, setDebounced] = useState("");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(value === null);
  useEffect(() => {
    const t = setTimeout(() => {
      setDebounced(term.trim());
      setPage(1);
    }, 250);
    return () => clearTimeout(t);
  }, [term]);
  const options = useRoomOptions(debounced, page, 8, open);
  const label = (r: RoomChoice) => `${r.building ? `${r.building} · ` : ""}${r.place}（${r.size}人）`;
  const pages = options.data ? Math.max(1, Math.ceil(options.data.count / options.data.size)) : 1;
  return (
    <Field label="会议室" htmlFor={`${id}-q`}>
      {value && (
        <div className="flex items-center justify-between gap-2 rounded-lg border border-slate-300 px-3 py-2 text-sm" data-testid={id}>
          <span>
            {label(value)}
            {value.id === currentId ? <span className="ml-1 text-slate-500">（原会议室）</span> : null}
          </span>
          {!open && (
            <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
              更换会议室
            </Button>
          )}
        </div>
      )}
      {open && (
        <div className={value ? "mt-2" : ""}>
          <input id={`${id}-q`} type="search" aria-label="搜索会议室" className={inputClass} value={term} onChange={(e) => setTerm(e.target.value)} placeholder="输入会议室名称或楼宇" autoComplete="off" autoFocus={value !== null} />
          {options.error ? (
            <p role="alert" className="mt-1 text-sm text-rose-700">
              {errorText(options.error)}
            </p>
          ) : options.data ? (
            <>
              <ul className="mt-1 max-h-56 overflow-y-auto rounded-lg border border-slate-200" aria-label="可选会议室">
                {options.data.rooms.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">没有找到开放中的会议室</li>}
                {options.data.rooms.map((r) => (
                  <li key={r.id}>
                    <button
                      type="button"
                      aria-pressed={r.id === value?.id}
                      className="w-full px-3 py-2 text-left text-sm hover:bg-slate-50 aria-pressed:bg-brand-50 aria-pressed:font-medium"
                      onClick={() => {
                        onChange(r);
                        setOpen(false);
                      }}
                    >
                      {label(r)}
                    </button>
                  </li>
                ))}
              </ul>
              <div className="mt-1 flex items-center justify-between text-xs text-slate-600">
                <span>
                  共 {options.data.count} 间 · 第 {options.data.page}/{pages} 页
                </span>
                <span className="flex gap-1">
                  <Button size="sm" variant="ghost" disabled={options.data.page <= 1} onClick={() => setPage(options.data!.page - 1)}>
                    上一页
                  </Button>
                  <Button size="sm" variant="ghost" disabled={options.data.page >= pages} onClick={() => setPage(options.data!.page + 1)}>
                    下一页
                  </Button>
                </span>
              </div>
            </>
          ) : (
            <div className="mt-1 h-20 animate-pulse rounded bg-slate-100" />
          )}
        </div>
      )}
    </Field>
  );
}

