"use client";
// The user's own bookings: cancel one (legacy GET /appointment/cancel/{id}, a redirect to its detail page on success).
import { useMutation } from "@tanstack/react-query";
import { getAction, getJson, postForm, postJson } from "./client";

export function useCancelBooking(id: number) {
  return useMutation({ mutationFn: () => getAction(`/appointment/cancel/${id}`) });
}

/**
 * Submit one booking (legacy POST /appointment, the form fields as strings). Resolves with the new booking's id, or
 * null when it cannot be told: the legacy answer carries no id, so it is found among the caller's pending and
 * approved bookings (an instant decision may already have approved it) by room and start.
 */
export function useBook() {
  return useMutation({
    mutationFn: async ({ payload, place, startTime }: { payload: Record<string, string>; place: string; startTime: string }) => {
      await postForm<object>("/appointment", payload);
      type H = { history: { appointId: number; place: string; startTime: string }[] };
      const [pending, approved] = await Promise.all([getJson<H>("/history/2"), getJson<H>("/history/3")]);
      const mine = [...pending.history, ...approved.history].filter((h) => h.place === place && h.startTime === startTime);
      return mine.length ? Math.max(...mine.map((h) => h.appointId)) : null;
    },
  });
}

/** Submit a recurring booking (POST /api/series, JSON): the series id and the dates skipped. */
export function useBookSeries() {
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => postJson<{ seriesId: number; skipped: unknown[] }>("/api/series", body),
  });
}
