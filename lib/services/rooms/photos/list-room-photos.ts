import "server-only";
import { asc, inArray } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/lib/db";
import { roomPhotos } from "@/lib/db/schema";
import { roomPhotoPath } from "./photo-url";

export interface RoomPhoto {
  id: number;
  /** Relative to the base path: `/room-photo/{id}`. */
  path: string;
  width: number;
  height: number;
}

/** Photos of the given rooms in display order, by room id (rooms without photos map to []). */
export async function listRoomPhotos(roomIds: number[], executor?: Db | Tx): Promise<Map<number, RoomPhoto[]>> {
  const out = new Map<number, RoomPhoto[]>(roomIds.map((id) => [id, []]));
  if (roomIds.length === 0) return out;
  const db = executor ?? (await getDb());
  const rows = await db
    .select()
    .from(roomPhotos)
    .where(inArray(roomPhotos.roomId, roomIds))
    .orderBy(asc(roomPhotos.roomId), asc(roomPhotos.position), asc(roomPhotos.id));
  for (const r of rows) out.get(r.roomId)?.push({ id: r.id, path: roomPhotoPath(r.id), width: r.width, height: r.height });
  return out;
}
