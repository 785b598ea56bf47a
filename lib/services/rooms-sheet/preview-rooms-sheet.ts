import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { roomUploads, rooms } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { SessionAdmin } from "@/lib/auth/session";
import { requireSuper } from "@/lib/services/admins/admin-guards";
import { diffRooms, type SheetChanges } from "./diff-rooms";
import { parseRoomsSheet, SheetTooLargeError } from "./parse-rooms-sheet";
import { SHEET_TOO_LARGE } from "./sheet-format";
import { listEquipment } from "@/lib/services/rooms/list-equipment";

/** What applying this admin's pending upload would change (nothing is written). 1012 when there is no upload. */
export async function previewRoomsSheet(actor: SessionAdmin | null): Promise<SheetChanges & { filename: string }> {
  requireSuper(actor);
  const db = await getDb();
  const [upload] = await db.select().from(roomUploads).where(eq(roomUploads.adminId, actor.id));
  if (!upload) throw new AppError(1012);
  const sheet = await parseRoomsSheet(upload.data, { equipment: await listEquipment(db) }).catch((e) => {
    throw new AppError(1012, e instanceof SheetTooLargeError ? `配置会议室数据失败：${SHEET_TOO_LARGE}` : undefined);
  });
  return { filename: upload.filename, ...diffRooms(await db.select().from(rooms), sheet) };
}
