import "server-only";
import { getDb } from "@/lib/db";
import { currentOpenRooms } from "./open-rooms-cache";

export interface RoomSummary {
  id: number;
  place: string;
  size: number;
  available: boolean;
}

/** Rooms open for booking, in the legacy Chinese order of their place (the per-process copy, checked per call). */
export async function listOpenRooms(): Promise<RoomSummary[]> {
  const open = await currentOpenRooms(await getDb());
  // The cached (frozen) rooms themselves: their legacy JSON is encoded once (roomsJsonBytes).
  return open.filter((r) => !r.removed);
}
