import "server-only";
import type { SessionAdmin } from "@/lib/auth/session";
import { campusEnabled } from "@/lib/clients/campus/config";
import { XLSX_TYPE } from "@/lib/services/rooms-sheet/sheet-format";
import { storeCampusFile, type StoredCampusFile } from "./files";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Keeps an exported room sheet in the platform's file center (campus platform on only). The export itself never
 * fails because of the platform: a failure is logged and shown on the console page (family `files`).
 */
export async function archiveRoomsSheet(admin: SessionAdmin, bytes: Buffer, now = new Date()): Promise<StoredCampusFile | null> {
  if (!campusEnabled()) return null;
  const s = new Date(now.getTime() + 8 * 3_600_000);
  const name = `rooms-${s.getUTCFullYear()}${pad(s.getUTCMonth() + 1)}${pad(s.getUTCDate())}-${pad(s.getUTCHours())}${pad(s.getUTCMinutes())}${pad(s.getUTCSeconds())}.xlsx`;
  try {
    return await storeCampusFile({ data: bytes, name, contentType: XLSX_TYPE, kind: "room-sheet", userName: admin.username });
  } catch (e) {
    console.warn(`[meeting] room sheet not kept in the campus file center: ${(e as Error).message}`);
    return null;
  }
}
