import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db";
import { roomAllowedUsers, rooms, settings } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { listRoomPhotos } from "@/lib/services/rooms/photos/list-room-photos";
import { formatMinutes } from "@/lib/time";

export type OpenRoom = ReturnType<typeof toOpenRoom>;

export function toOpenRoom(
  r: typeof rooms.$inferSelect,
  campus: { openMinute: number; closeMinute: number },
  userIds: number[],
  /** Absolute photo URLs in display order. */
  photos: string[] = [],
) {
  return {
    id: String(r.id),
    departmentId: r.departmentId ?? "",
    name: r.place,
    address: r.address,
    memo: r.memo,
    // A room without hours of its own is bookable during the campus hours.
    beginTime: formatMinutes(r.openMinute ?? campus.openMinute),
    endTime: formatMinutes(r.closeMinute ?? campus.closeMinute),
    capacity: r.size,
    size: r.area,
    longitude: r.longitude,
    latitude: r.latitude,
    radius: r.radius,
    status: r.available ? 1 : 0,
    needAudit: r.needAudit ? 1 : 0,
    permission: r.permission,
    // The seed's own field first: a stored scene image, else the room's first photo.
    sceneImage: r.sceneImage || photos[0] || "",
    createdTime: r.createdAt.getTime(),
    userIds: userIds.map(String),
    // Fields the seed has no equivalent for (building, floor, equipment, description, all photos, check-in).
    building: r.building,
    floor: r.floor,
    equipment: r.equipment,
    description: r.description,
    photos,
    checkInRequired: r.checkInRequired ? 1 : 0,
  };
}

/** Rooms as the Open API shows them (removed ones excluded), by id; all of them when `ids` is absent. */
export async function loadOpenRooms(db: Db | Tx, ids?: number[]): Promise<OpenRoom[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select()
    .from(rooms)
    .where(and(isNull(rooms.removedAt), ids ? inArray(rooms.id, ids) : undefined))
    .orderBy(asc(rooms.id));
  if (rows.length === 0) return [];
  const [campus] = await db.select().from(settings).where(eq(settings.id, 1));
  const allowed = await db
    .select()
    .from(roomAllowedUsers)
    .where(inArray(roomAllowedUsers.roomId, rows.map((r) => r.id)))
    .orderBy(asc(roomAllowedUsers.userId));
  const hours = campus ?? { openMinute: 480, closeMinute: 1320 };
  const photos = await listRoomPhotos(rows.map((r) => r.id), db);
  const url = (path: string) => `${env().APP_URL}/meeting${path}`;
  return rows.map((r) =>
    toOpenRoom(r, hours, allowed.filter((a) => a.roomId === r.id).map((a) => a.userId), (photos.get(r.id) ?? []).map((p) => url(p.path))),
  );
}
