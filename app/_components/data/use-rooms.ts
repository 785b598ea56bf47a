"use client";
// Rooms as the console and the booking pages read them.
import { useQuery } from "@tanstack/react-query";
import type { Room } from "@/lib/types/api";
import { getJson } from "./client";
import { keys } from "./keys";

export interface RoomFacts {
  roomId: number;
  place: string;
  building: string;
  floor: string;
  equipment: string[];
  description: string;
  checkInRequired: boolean;
  checkInUrl: string | null;
  feed: { https: string; webcal: string } | null;
  photos: { id: number; path: string; width: number; height: number }[];
}

export interface RoomSettings {
  checkInBeforeMinutes: number;
  checkInAfterMinutes: number;
  extraEquipment: string[];
  equipment: string[];
}

/** The open rooms (legacy GET /rooms). */
export function useOpenRooms() {
  return useQuery({ queryKey: keys.rooms.open, queryFn: () => getJson<{ rooms: Room[] }>("/rooms") });
}

export function useRoomsPage(page: number, size: number, q: string) {
  return useQuery({
    queryKey: keys.rooms.page(page, size, q),
    queryFn: () => getJson<{ rooms: Room[]; count: number; openCount: number }>("/api/admin/rooms", { page, size, q }),
    placeholderData: (prev) => prev,
  });
}

export function useRoomFacts(roomId: number) {
  return useQuery({
    queryKey: keys.rooms.facts(roomId),
    queryFn: () => getJson<{ facts: RoomFacts; equipment: string[] }>(`/api/admin/rooms/${roomId}/facts`),
  });
}

export function useRoomSettings() {
  return useQuery({ queryKey: keys.roomSettings, queryFn: () => getJson<{ settings: RoomSettings }>("/api/admin/room-settings") });
}
