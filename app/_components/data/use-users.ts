"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { UserInfoItem } from "@/lib/types/api";
import { getJson, type LayuiPage } from "./client";
import { keys } from "./keys";

export function useUsers(q: string, page: number, size: number) {
  return useQuery({
    queryKey: keys.users.page({ q, page, size }),
    queryFn: () => getJson<LayuiPage<UserInfoItem>>("/profile/all", { page, size, q: q || undefined }),
    placeholderData: keepPreviousData,
  });
}
