import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { roomPhotos } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { getFile, type StoredFile } from "@/lib/services/files";

/** The bytes of a room photo by its id (public: room photos are shown to everyone who may search). */
export async function getRoomPhoto(photoId: number): Promise<StoredFile> {
  if (!Number.isSafeInteger(photoId) || photoId <= 0 || photoId > 2147483647) throw notFound("photoId", "照片");
  const db = await getDb();
  const [row] = await db.select({ fileId: roomPhotos.fileId }).from(roomPhotos).where(eq(roomPhotos.id, photoId));
  const file = row ? await getFile(row.fileId) : null;
  if (!file) throw notFound("photoId", "照片");
  return file;
}
