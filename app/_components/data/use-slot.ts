"use client";
// The booking page's questions about one slot: is it free, who else asked for it, and a series' dates.
import { useQuery } from "@tanstack/react-query";
import type { Availability, OccurrencePreview } from "@/lib/types/api";
import { getJson, postJson } from "./client";
import { keys } from "./keys";

export interface Wanted {
  date: string;
  start: string;
  duration: number;
  [k: string]: string | number;
}

/** Leaves out empty values (as the user pages always asked). */
const compact = (p: Record<string, string | number>) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== ""));

export function useSlotAvailability(roomId: number, wanted: Wanted, enabled: boolean) {
  return useQuery({
    queryKey: keys.slot(roomId, wanted),
    enabled,
    queryFn: () => getJson<Availability>("/api/rooms/availability", compact({ roomId, ...wanted })),
  });
}

export function useSlotPending(roomId: number, wanted: Wanted, enabled: boolean) {
  return useQuery({
    queryKey: keys.slotPending(roomId, wanted),
    enabled,
    queryFn: () => getJson<{ pending: Record<string, number> }>("/api/rooms/pending", compact({ roomIds: roomId, ...wanted })),
  });
}

export function useSeriesPreview<W extends Record<string, unknown>>(wanted: W | null, enabled: boolean) {
  return useQuery({
    queryKey: keys.seriesPreview(wanted),
    enabled,
    retry: false,
    queryFn: () => postJson<{ occurrences: OccurrencePreview[] }>("/api/series/preview", wanted!),
  });
}
