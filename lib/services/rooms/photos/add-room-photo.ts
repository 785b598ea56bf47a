import "server-only";
import { and, count, eq, max, sql } from "drizzle-orm";
import sharp from "sharp";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { roomPhotos, rooms } from "@/lib/db/schema";
import { AppError, badInput, E } from "@/lib/errors";
import { reencodeAvatar } from "@/lib/images/reencode-avatar";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { deleteFile, fileStore, putFile } from "@/lib/services/files";
import { dbFileStore } from "@/lib/services/files/db-file-store";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import type { RoomPhoto } from "./list-room-photos";
import { roomPhotoPath } from "./photo-url";
import { requireSuper } from "@/lib/services/authz";
import { activeRoom } from "@/lib/services/rooms/active-room";
import { adminActor } from "@/lib/request-context";

export const ROOM_PHOTOS_MAX = 6;
export const ROOM_PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/** Longest side of a stored room photo (re-encoded JPEG, metadata such as EXIF location dropped). */
export const ROOM_PHOTO_SIDE = 1600;

/**
 * Adds a photo to a room (super admin). The upload is re-encoded like an avatar (what the bytes are decides, never
 * the name; a fresh JPEG without metadata is stored). At most ROOM_PHOTOS_MAX per room.
 */
export async function addRoomPhoto(actor: SessionAdmin, roomId: number, bytes: Buffer): Promise<RoomPhoto> {
  requireSuper(actor);
  if (bytes.length === 0) throw new AppError(E.NOT_AN_IMAGE);
  if (bytes.length > ROOM_PHOTO_MAX_BYTES) throw badInput("photo", "图片大小不能超过8MB");
  const encoded = await reencodeAvatar(bytes, ROOM_PHOTO_SIDE).catch(() => {
    throw new AppError(E.NOT_AN_IMAGE, "上传的文件不是图片");
  });
  const meta = await sharp(encoded.data).metadata();
  const db = await getDb();
  const inDb = fileStore() === dbFileStore;
  // An external store cannot join the transaction: write the bytes first and remove them if the change fails.
  const external = inDb ? null : await putFile(encoded.data, encoded.contentType, { name: `room-${roomId}.jpg` });
  try {
    return await db.transaction(async (tx) => {
      // Serialise concurrent uploads to one room so the limit holds.
      const [room] = await tx.select({ id: rooms.id, place: rooms.place }).from(rooms).where(and(eq(rooms.id, roomId), activeRoom())).for("update");
      if (!room) throw badInput("roomId", `会议室 ${roomId} 不存在`);
      const [{ n, last }] = await tx
        .select({ n: count(), last: max(roomPhotos.position) })
        .from(roomPhotos)
        .where(eq(roomPhotos.roomId, roomId));
      if (n >= ROOM_PHOTOS_MAX) throw badInput("photo", `每间会议室最多 ${ROOM_PHOTOS_MAX} 张照片`);
      const fileId = external ?? (await putFile(encoded.data, encoded.contentType, { tx }));
      const [row] = await tx
        .insert(roomPhotos)
        .values({ roomId, fileId, position: (last ?? -1) + 1, width: meta.width ?? 0, height: meta.height ?? 0 })
        .returning();
      await tx.update(rooms).set({ updatedAt: sql`now()` }).where(eq(rooms.id, roomId));
      await recordAudit(tx, {
        action: "room.photo_added",
        objectKind: "room",
        objectId: roomId,
        after: { photoId: row.id, bytes: encoded.data.length, width: row.width, height: row.height },
        actor: adminActor(actor),
      });
      await emitOpenEvent(tx, "room_update", [roomId]);
      return { id: row.id, path: roomPhotoPath(row.id), width: row.width, height: row.height };
    });
  } catch (e) {
    if (external) await deleteFile(external).catch(() => {});
    throw e;
  }
}
