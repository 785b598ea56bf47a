"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Card, EmptyState, ErrorState, Field, inputClass, PageHeader } from "../../ui/kit";
import { useToast } from "../../ui/toast";
import { errorText, postForm, type FormValue } from "../../data/client";
import { keys } from "../../data/keys";
import { useAcademicCalendar } from "../../data/use-calendar";

// The academic calendar: terms (week 1 = the week of the first day), holidays, and the class periods offered as times
// in the booking form. Users see "第12周 周二" beside dates.

export function CalendarPage() {
  const qc = useQueryClient();
  const toast = useToast();
  const cal = useAcademicCalendar();
  const [term, setTerm] = useState<{ id?: number; name: string; firstDay: string; weeks: string }>({ name: "", firstDay: "", weeks: "18" });
  const [holiday, setHoliday] = useState({ name: "", firstDay: "", lastDay: "" });
  const [period, setPeriod] = useState({ name: "", start: "", end: "" });
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const save = (key: string, path: string, onDone: () => void) =>
    ({
      mutationFn: (data: Record<string, FormValue>) => postForm(path, data),
      onSuccess: () => {
        toast.success("已保存");
        setErrors({ ...errors, [key]: null });
        onDone();
        qc.invalidateQueries({ queryKey: keys.calendar });
      },
      onError: (e: unknown) => setErrors({ ...errors, [key]: errorText(e) }),
    }) as const;
  const addTerm = useMutation(save("term", "/api/admin/calendar/term", () => setTerm({ name: "", firstDay: "", weeks: "18" })));
  const addHoliday = useMutation(save("holiday", "/api/admin/calendar/holiday", () => setHoliday({ name: "", firstDay: "", lastDay: "" })));
  const addPeriod = useMutation(save("period", "/api/admin/calendar/period", () => setPeriod({ name: "", start: "", end: "" })));
  const remove = useMutation({
    mutationFn: (x: { kind: string; id: number }) => postForm("/api/admin/calendar/remove", x),
    onSuccess: () => {
      toast.success("已删除");
      qc.invalidateQueries({ queryKey: keys.calendar });
    },
    onError: (e) => toast.error(errorText(e)),
  });
  if (cal.error) return <ErrorState error={cal.error} onRetry={() => cal.refetch()} />;
  const data = cal.data;
  const err = (k: string) =>
    errors[k] ? (
      <p role="alert" className="mt-2 text-sm text-danger-700">
        {errors[k]}
      </p>
    ) : null;

  return (
    <>
      <PageHeader title="校历与节次" description="学期决定日期旁的“第几周”，节次是预约表单里可直接选择的时间段。" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="学期">
          {data && data.terms.length === 0 && <EmptyState>还没有学期。添加后，日期旁会显示教学周。</EmptyState>}
          <ul className="divide-y divide-slate-100 text-sm" aria-label="学期列表">
            {data?.terms.map((t) => (
              <li key={t.id} className="flex items-center justify-between py-2">
                <span>
                  <span className="font-medium">{t.name}</span> · {t.firstDay} 起 {t.weeks} 周（至 {t.lastDay}）
                </span>
                <span className="flex shrink-0 gap-1">
                  <Button size="sm" variant="ghost" onClick={() => setTerm({ id: t.id, name: t.name, firstDay: t.firstDay, weeks: String(t.weeks) })} aria-label={`修改学期 ${t.name}`}>
                    修改
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => remove.mutate({ kind: "term", id: t.id })} aria-label={`删除学期 ${t.name}`}>
                    删除
                  </Button>
                </span>
              </li>
            ))}
          </ul>
          <form
            className="mt-3 grid gap-3 sm:grid-cols-[1fr_10rem_5rem_auto] sm:items-end"
            aria-label={term.id !== undefined ? "修改学期" : "添加学期"}
            onSubmit={(e) => {
              e.preventDefault();
              addTerm.mutate(term);
            }}
          >
            <Field label="学期名称" htmlFor="term-name">
              <input id="term-name" className={inputClass} value={term.name} onChange={(e) => setTerm({ ...term, name: e.target.value })} placeholder="2026秋季学期" />
            </Field>
            <Field label="第一天" htmlFor="term-first">
              <input id="term-first" type="date" className={inputClass} value={term.firstDay} onChange={(e) => setTerm({ ...term, firstDay: e.target.value })} />
            </Field>
            <Field label="周数" htmlFor="term-weeks">
              <input id="term-weeks" type="number" min={1} max={40} className={inputClass} value={term.weeks} onChange={(e) => setTerm({ ...term, weeks: e.target.value })} />
            </Field>
            <span className="flex gap-2">
              {term.id !== undefined && (
                <Button onClick={() => setTerm({ name: "", firstDay: "", weeks: "18" })}>取消</Button>
              )}
              <Button type="submit" variant="primary" disabled={addTerm.isPending}>
                {term.id !== undefined ? "保存学期" : "添加"}
              </Button>
            </span>
          </form>
          {term.id !== undefined && <p className="mt-2 text-sm text-slate-600">正在修改学期“{data?.terms.find((t) => t.id === term.id)?.name ?? term.name}”，保存后日期旁的教学周随之改变。</p>}
          {err("term")}
        </Card>

        <Card title="假期">
          {data && data.holidays.length === 0 && <EmptyState>还没有假期。</EmptyState>}
          <ul className="divide-y divide-slate-100 text-sm" aria-label="假期列表">
            {data?.holidays.map((h) => (
              <li key={h.id} className="flex items-center justify-between py-2">
                <span>
                  <span className="font-medium">{h.name}</span> · {h.firstDay} 至 {h.lastDay}
                </span>
                <Button size="sm" variant="ghost" onClick={() => remove.mutate({ kind: "holiday", id: h.id })} aria-label={`删除假期 ${h.name}`}>
                  删除
                </Button>
              </li>
            ))}
          </ul>
          <form
            className="mt-3 grid gap-3 sm:grid-cols-[1fr_9rem_9rem_auto] sm:items-end"
            onSubmit={(e) => {
              e.preventDefault();
              addHoliday.mutate(holiday);
            }}
          >
            <Field label="名称" htmlFor="hol-name">
              <input id="hol-name" className={inputClass} value={holiday.name} onChange={(e) => setHoliday({ ...holiday, name: e.target.value })} placeholder="国庆节" />
            </Field>
            <Field label="开始" htmlFor="hol-first">
              <input id="hol-first" type="date" className={inputClass} value={holiday.firstDay} onChange={(e) => setHoliday({ ...holiday, firstDay: e.target.value })} />
            </Field>
            <Field label="结束" htmlFor="hol-last">
              <input id="hol-last" type="date" className={inputClass} value={holiday.lastDay} onChange={(e) => setHoliday({ ...holiday, lastDay: e.target.value })} />
            </Field>
            <Button type="submit" variant="primary" disabled={addHoliday.isPending}>
              添加
            </Button>
          </form>
          <p className="mt-2 text-xs text-slate-500">假期只作标注；要在假期关闭会议室，请到“关闭管理”新建关闭。</p>
          {err("holiday")}
        </Card>

        <Card title="节次" className="lg:col-span-2">
          <ul className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-3" aria-label="节次列表">
            {data?.periods.map((p) => (
              <li key={p.id} className="flex items-center justify-between rounded-lg border border-slate-200 px-3 py-2">
                <span>
                  <span className="font-medium">{p.name}</span> {p.span}
                </span>
                <Button size="sm" variant="ghost" onClick={() => remove.mutate({ kind: "period", id: p.id })} aria-label={`删除节次 ${p.name}`}>
                  删除
                </Button>
              </li>
            ))}
          </ul>
          <form
            className="mt-3 grid gap-3 sm:grid-cols-[1fr_8rem_8rem_auto] sm:items-end"
            onSubmit={(e) => {
              e.preventDefault();
              addPeriod.mutate(period);
            }}
          >
            <Field label="名称" htmlFor="per-name">
              <input id="per-name" className={inputClass} value={period.name} onChange={(e) => setPeriod({ ...period, name: e.target.value })} placeholder="第11–12节" />
            </Field>
            <Field label="上课" htmlFor="per-start">
              <input id="per-start" type="time" className={inputClass} value={period.start} onChange={(e) => setPeriod({ ...period, start: e.target.value })} />
            </Field>
            <Field label="下课" htmlFor="per-end">
              <input id="per-end" type="time" className={inputClass} value={period.end} onChange={(e) => setPeriod({ ...period, end: e.target.value })} />
            </Field>
            <Button type="submit" variant="primary" disabled={addPeriod.isPending}>
              添加
            </Button>
          </form>
          {err("period")}
        </Card>
      </div>
    </>
  );
}
