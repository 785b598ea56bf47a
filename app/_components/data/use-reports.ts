"use client";
import { useQuery } from "@tanstack/react-query";
import type { Report } from "@/lib/types/api";
import { getJson } from "./client";
import { keys } from "./keys";

export function useReport(range: { from: string; to: string }, enabled: boolean) {
  return useQuery({
    queryKey: keys.report(range),
    queryFn: () => getJson<{ report: Report }>("/api/admin/reports", range),
    enabled,
    placeholderData: (prev) => prev,
  });
}
