"use client";
// Beside the booking form's date: the teaching week ("第12周 周二"), a holiday if any, and the class periods as
// one-tap times (第1–2节 08:00–09:35 sets the start and the duration).
import { useT } from "@/lib/i18n/client";
import { useCalendarDay } from "../data/use-calendar";
import { chip } from "../ui/classes";

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

export function AcademicHints({ date, onPick }: { date: string; onPick: (start: string, minutes: number) => void }) {
  const { t } = useT();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const q = useCalendarDay(date, valid);
  const day = q.data?.days[0];
  const periods = q.data?.periods ?? [];
  if (!valid || !q.data) return null;
  return (
    <div className="mt-2 space-y-2 text-sm">
      {day && (
        <p className="text-slate-700" data-testid="week-label">
          {day.label}
          {day.holiday ? ` · ${t("holidayNote", { name: day.holiday })}` : ""}
        </p>
      )}
      {periods.length > 0 && (
        <div role="group" aria-label={t("classPeriods")} className="flex flex-wrap gap-2">
          {periods.map((p) => (
            <button key={p.id} type="button" className={chip} onClick={() => onPick(hhmm(p.startMinute), p.endMinute - p.startMinute)} aria-label={`${p.name} ${p.span}`}>
              {p.name} <span className="ml-1 text-xs text-slate-500">{p.span}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
