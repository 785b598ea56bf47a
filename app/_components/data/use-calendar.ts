"use client";
// The academic calendar: the console's whole calendar and the booking page's one-day hints.
import { useQuery } from "@tanstack/react-query";
import type { AcademicCalendar, ClassPeriod, DayLabel, Term } from "@/lib/types/api";
import { getJson } from "./client";
import { keys } from "./keys";

export function useAcademicCalendar() {
  return useQuery({ queryKey: keys.calendar, queryFn: () => getJson<AcademicCalendar>("/api/admin/calendar") });
}

/** The academic facts of one day (week label, class periods, the term holding it): the booking form's hints and repeat part. */
export function useCalendarDay(date: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.calendarDay(date),
    queryFn: () => getJson<{ days: DayLabel[]; periods: ClassPeriod[]; term: Term | null }>("/api/calendar", { from: date, days: 1 }),
    enabled,
    staleTime: 5 * 60_000,
  });
}
