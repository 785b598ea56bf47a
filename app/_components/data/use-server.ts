"use client";
// The server's counts and switches (GET /server) and its settings (GET /server/properties).
import { useQuery } from "@tanstack/react-query";
import type { ServerProperties, ServerStats } from "@/lib/types/api";
import { getJson } from "./client";
import { keys } from "./keys";

export function useServerStats(refetchInterval: number) {
  return useQuery({ queryKey: keys.server, queryFn: () => getJson<ServerStats>("/server"), refetchInterval });
}

export function useServerProperties() {
  return useQuery({ queryKey: keys.properties, queryFn: () => getJson<ServerProperties>("/server/properties") });
}
