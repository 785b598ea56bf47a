"use client";
import { useQuery } from "@tanstack/react-query";
import { getJson } from "./client";
import { keys } from "./keys";

export interface Delivery {
  id: number;
  recipient: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  text: string | null;
}

/** The last notifications that gave up after their retries (asked only when there are some). */
export function useFailedDeliveries(enabled: boolean) {
  return useQuery({
    queryKey: keys.deliveries.failed,
    queryFn: () => getJson<{ count: number; rows: Delivery[] }>("/api/admin/deliveries", { status: "failed", size: 5 }),
    enabled,
  });
}
