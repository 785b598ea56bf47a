"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getJson } from "./client";
import { keys } from "./keys";
import type { AuditPageData, AuditRow } from "@/lib/types/api";

export type { AuditRow, AuditPageData };

export function useAuditPage(params: Record<string, string | undefined>, page: number, size: number) {
  return useQuery({
    queryKey: keys.audit({ ...params, page, size }),
    queryFn: () => getJson<AuditPageData>("/api/admin/audit", { ...params, page, size }),
    placeholderData: keepPreviousData,
  });
}
