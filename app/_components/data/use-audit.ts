"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getJson } from "./client";
import { keys } from "./keys";

export interface AuditRow {
  id: number;
  at: string;
  atText: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectKind: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  clientAddress: string | null;
  userAgent: string | null;
  channel: string;
}

export interface AuditPageData {
  count: number;
  page: number;
  size: number;
  rows: AuditRow[];
  scope: "all" | "own";
}

export function useAuditPage(params: Record<string, string | undefined>, page: number, size: number) {
  return useQuery({
    queryKey: keys.audit({ ...params, page, size }),
    queryFn: () => getJson<AuditPageData>("/api/admin/audit", { ...params, page, size }),
    placeholderData: keepPreviousData,
  });
}
