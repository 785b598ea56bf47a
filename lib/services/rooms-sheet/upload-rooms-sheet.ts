import "server-only";
import path from "node:path";
import { getDb } from "@/lib/db";
import { roomUploads } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { SessionAdmin } from "@/lib/auth/session";
import { requireSuper } from "@/lib/services/admins/admin-guards";
import { loadWorkbook, SheetTooLargeError } from "./parse-rooms-sheet";
import { SHEET_MAX_BYTES, SHEET_TOO_LARGE } from "./sheet-format";

/**
 * Keeps an uploaded room spreadsheet for this admin until it is applied (one pending upload per admin, in the
 * database so every server instance sees it). Only a readable .xlsx is accepted; its rows are checked at preview and
 * apply time, where each problem can be named.
 */
export async function uploadRoomsSheet(
  actor: SessionAdmin | null,
  file: { name: string; bytes: Buffer } | undefined,
): Promise<{ filename: string }> {
  requireSuper(actor);
  if (!file || file.bytes.length === 0 || file.bytes.length > SHEET_MAX_BYTES) throw new AppError(4004);
  await loadWorkbook(file.bytes).catch((e) => {
    // A zip or cell bomb is refused before it is stored (1012); anything unreadable is a failed upload (4004).
    if (e instanceof SheetTooLargeError) throw new AppError(1012, `配置会议室数据失败：${SHEET_TOO_LARGE}`);
    throw new AppError(4004);
  });
  const filename = path.basename(file.name.replace(/\\/g, "/")).replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 255) || "rooms.xlsx";
  const db = await getDb();
  await db
    .insert(roomUploads)
    .values({ adminId: actor.id, filename, data: file.bytes })
    .onConflictDoUpdate({ target: roomUploads.adminId, set: { filename, data: file.bytes, uploadedAt: new Date() } });
  return { filename };
}
