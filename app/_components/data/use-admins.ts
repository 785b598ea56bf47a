"use client";
// Admins: the console's table (GET /admin/all) and the legacy edit page's save (POST /admin/edit).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AdminRow } from "@/lib/types/api";
import { getJson, postForm, type LayuiPage } from "./client";
import { keys } from "./keys";

export function useAdmins(page: number, size: number) {
  return useQuery({
    queryKey: keys.admins.page({ page, size }),
    queryFn: () => getJson<LayuiPage<AdminRow>>("/admin/all", { page, size }),
    placeholderData: keepPreviousData,
  });
}

export interface AdminEdit {
  id: number;
  username: string;
  password: string;
  /** Only when the editor may change it (never one's own). */
  privileged?: string;
}

/**
 * POST /admin/edit (the legacy edit page, outside the console's query client: a plain call). Resolves with the
 * server's envelope; rejects with an ApiError whose message names no field.
 */
export const editAdmin = (v: AdminEdit) => postForm("/admin/edit", { ...v });
