"use client";
// The console's booking grid, its building list, and the people picker of "book for someone".
import { useQuery } from "@tanstack/react-query";
import type { BookingGrid } from "@/lib/types/api";
import { getJson, type FormValue } from "./client";
import { keys } from "./keys";

export interface Person {
  id: number;
  name: string;
  userid: string;
  phone: string | null;
}

export function useGrid(params: Record<string, FormValue>) {
  return useQuery({
    queryKey: keys.grid.view(params),
    queryFn: () => getJson<BookingGrid>("/api/admin/grid", params),
    placeholderData: (prev) => prev,
  });
}

/** The buildings the grid knows (a one-row grid of today). */
export function useGridBuildings() {
  return useQuery({
    queryKey: keys.grid.buildings,
    queryFn: () => getJson<{ buildings: string[] }>("/api/admin/grid", { date: new Date().toISOString().slice(0, 10), size: 1 }),
  });
}

export function usePeople(q: string) {
  return useQuery({
    queryKey: keys.people(q),
    queryFn: () => getJson<{ people: Person[] }>("/api/admin/people", { q }),
    enabled: q.length > 0,
  });
}
