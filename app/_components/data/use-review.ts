"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReviewItem } from "@/lib/types/api";
import { getJson } from "./client";
import { keys } from "./keys";

export interface ReviewQueuePage {
  count: number;
  page: number;
  size: number;
  rows: ReviewItem[];
}

export function useReviewQueue(p: { roomId: string | number | undefined; date: string | undefined; page: number; size: number }) {
  return useQuery({
    queryKey: keys.review.page(p),
    queryFn: () => getJson<ReviewQueuePage>("/api/admin/review", p),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}
