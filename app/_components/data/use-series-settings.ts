"use client";
// The caps on recurring bookings (console settings; its own endpoint beside the legacy /server/properties form).
import { useQuery } from "@tanstack/react-query";
import { getJson, postForm } from "./client";
import { keys } from "./keys";

export interface SeriesSettings {
  seriesMaxWeeks: number;
  seriesMaxOccurrences: number;
}

export function useSeriesSettings() {
  return useQuery({ queryKey: keys.seriesSettings, queryFn: () => getJson<{ settings: SeriesSettings }>("/api/admin/series-settings") });
}

export const saveSeriesSettings = (input: SeriesSettings) => postForm<{ settings: SeriesSettings }>("/api/admin/series-settings", { ...input });
