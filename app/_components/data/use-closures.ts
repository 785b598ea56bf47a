"use client";
import { useQuery } from "@tanstack/react-query";
import type { ClosureView } from "@/lib/types/api";
import { getJson } from "./client";
import { keys } from "./keys";

export function useClosures() {
  return useQuery({ queryKey: keys.closures, queryFn: () => getJson<{ closures: ClosureView[] }>("/api/admin/closures") });
}
