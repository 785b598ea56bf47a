import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import { getRoomSettings } from "./room-settings";
import { listRoomPhotos, type RoomPhoto } from "./photos/list-room-photos";

export interface RoomProfile {
  building: string;
  floor: string;
  equipment: string[];
  description: string;
  checkInRequired: boolean;
  checkInBeforeMinutes: number;
  checkInAfterMinutes: number;
  photos: RoomPhoto[];
}

/** What the room page shows about a room besides its timeline (no secrets); null for an unknown room. */
export async function getRoomProfile(roomId: number): Promise<RoomProfile | null> {
  const db = await getDb();
  const [row] = await db.select().from(rooms).where(eq(rooms.id, roomId));
  if (!row) return null;
  const [photos, cfg] = await Promise.all([listRoomPhotos([roomId], db), getRoomSettings(db)]);
  return {
    building: row.building,
    floor: row.floor,
    equipment: row.equipment,
    description: row.description,
    checkInRequired: row.checkInRequired,
    checkInBeforeMinutes: cfg.checkInBeforeMinutes,
    checkInAfterMinutes: cfg.checkInAfterMinutes,
    photos: photos.get(roomId) ?? [],
  };
}
