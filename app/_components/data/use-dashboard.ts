"use client";
import { useQuery } from "@tanstack/react-query";
import type { DashboardCharts } from "@/lib/types/api";
import { getJson } from "./client";
import { keys } from "./keys";

export function useDashboardCharts(refetchInterval: number) {
  return useQuery({ queryKey: keys.dashboard, queryFn: () => getJson<DashboardCharts>("/api/admin/dashboard"), refetchInterval });
}
