import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db";
import { roomAllowedUsers, rooms, settings } from "@/lib/db/schema";
import { formatMinutes } from "@/lib/time";

export type OpenRoom = ReturnType<typeof toOpenRoom>;

export function toOpenRoom(
  r: typeof rooms.$inferSelect,
  campus: { openMinute: number; closeMinute: number },
  userIds: number[],
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
    sceneImage: r.sceneImage,
    createdTime: r.createdAt.getTime(),
    userIds: userIds.map(String),
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
  return rows.map((r) => toOpenRoom(r, hours, allowed.filter((a) => a.roomId === r.id).map((a) => a.userId)));
}
