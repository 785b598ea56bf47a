"use client";
import { useQuery } from "@tanstack/react-query";
import { getJson } from "./client";
import { keys } from "./keys";

export interface CampusOverview {
  enabled: boolean;
  base: string | null;
  noticeChannels: "wecom" | "campus" | "both";
  noticeChannelCodes: string[];
  adminRoleKeys: string[];
  superRoleKeys: string[];
  families: { family: string; lastSuccessAt: string | null; lastFailureAt: string | null; lastError: string | null; healthy: boolean | null }[];
  deliveries: { op: string; pending: number; failed: number }[];
  failed: { id: number; op: string; what: string; attempts: number; lastError: string | null; createdAt: string }[];
  departmentSync: { lastRunAt: string | null; report: { total?: number; added?: number; updated?: number; removed?: number } | null } | null;
  files: { id: string; kind: string; name: string; size: number; createdBy: string | null; createdAt: string }[];
}

export interface CampusCheck {
  ok: boolean;
  ms: number;
  message: string;
  channels: { name: string; code: string; type: string }[];
}

export function useCampusOverview() {
  return useQuery({ queryKey: keys.campus, queryFn: () => getJson<CampusOverview>("/api/admin/campus") });
}
