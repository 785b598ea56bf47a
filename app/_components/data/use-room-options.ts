"use client";
// Open rooms searched by place or building on the server, paged: the room picker (a booking's move, a closure's room).
import { useQuery } from "@tanstack/react-query";
import type { RoomOptionsPage } from "@/lib/types/api";
import { getJson } from "./client";
import { keys } from "./keys";

export function useRoomOptions(q: string, page: number, size: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.roomOptions(q, page),
    queryFn: () => getJson<RoomOptionsPage>("/api/admin/room-options", { q, page, size }),
    enabled,
    placeholderData: (prev) => prev,
  });
}
