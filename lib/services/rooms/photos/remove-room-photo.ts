import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { roomPhotos, rooms } from "@/lib/db/schema";
import { badInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { deleteFile, fileStore } from "@/lib/services/files";
import { dbFileStore } from "@/lib/services/files/db-file-store";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { requireSuper } from "@/lib/services/authz";
import { adminActor } from "@/lib/request-context";

/** Removes one photo of a room (super admin); the bytes go with it. */
export async function removeRoomPhoto(actor: SessionAdmin, roomId: number, photoId: number): Promise<void> {
  requireSuper(actor);
  const db = await getDb();
  const inDb = fileStore() === dbFileStore;
  const fileId = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(roomPhotos)
      .where(and(eq(roomPhotos.id, photoId), eq(roomPhotos.roomId, roomId)))
      .returning();
    if (!row) throw badInput("photoId", `照片 ${photoId} 不存在`);
    if (inDb) await deleteFile(row.fileId, { tx });
    await tx.update(rooms).set({ updatedAt: sql`now()` }).where(eq(rooms.id, roomId));
    await recordAudit(tx, {
      action: "room.photo_removed",
      objectKind: "room",
      objectId: roomId,
      before: { photoId: row.id },
      actor: adminActor(actor),
    });
    await emitOpenEvent(tx, "room_update", [roomId]);
    return row.fileId;
  });
  if (!inDb) await deleteFile(fileId).catch(() => {});
}
