"use client";
// Book a selected slot for someone (people picker), approved at once.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button, Field, inputClass } from "../../../ui/kit";
import { Dialog } from "../../../ui/dialog";
import { useToast } from "../../../ui/toast";
import { errorText, postForm } from "../../../data/client";
import { keys } from "../../../data/keys";
import { usePeople, type Person } from "../../../data/use-grid";
import { hhmm, type Selection } from "./shared";

export function BookOnBehalf({ sel, onClose }: { sel: Selection; onClose: () => void }) {
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
        <p role="alert" className="mt-3 text-sm text-danger-700">
          {error}
        </p>
      )}
    </Dialog>
  );
}

