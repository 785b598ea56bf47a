import "server-only";
import { desc, eq } from "drizzle-orm";
import { campusEnabled } from "@/lib/clients/campus/config";
import { CampusError } from "@/lib/clients/campus/errors";
import { deleteCampusFile, downloadCampusFile, uploadCampusFile } from "@/lib/clients/campus/files";
import { getDb } from "@/lib/db";
import { campusFiles } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time";
import { tracked } from "./family-status";

// Files kept in the platform's file center (issue 12 §8). The platform holds the bytes; we keep a row per file
// (campus_files) so that only files we stored can be fetched through our download route, with our authorization.
// The three functions below are the whole contract a file store needs when CAMPUS_API_BASE is set:
//   storeCampusFile → id, openCampusFile(id) → stream, removeCampusFile(id).

export interface StoredCampusFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** Uploads bytes to the file center (file/client/add) and records the file. Throws CampusError when the platform fails. */
export async function storeCampusFile(input: {
  data: Buffer | Uint8Array;
  name: string;
  contentType: string;
  /** room-sheet | room-photo | … */
  kind: string;
  /** The platform userName recorded as the uploader (the acting admin's username). */
  userName: string;
}): Promise<StoredCampusFile> {
  if (!campusEnabled()) throw new AppError(4002, "校园平台未启用");
  const f = await tracked("files", () => uploadCampusFile(input.data, input.name, input.contentType, input.userName));
  const db = await getDb();
  const row = { id: f.id, kind: input.kind.slice(0, 32), name: input.name.slice(0, 255), contentType: input.contentType.slice(0, 128), size: input.data.length, createdBy: input.userName.slice(0, 64) };
  await db.insert(campusFiles).values(row).onConflictDoNothing();
  return { id: f.id, name: row.name, contentType: row.contentType, size: row.size };
}

/** A stored file's bytes from the platform, for our own routes to stream (after their own authorization). */
export async function openCampusFile(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(campusFiles).where(eq(campusFiles.id, id));
  if (!row) throw new AppError(4040, "文件不存在");
  try {
    const f = await tracked("files", () => downloadCampusFile(id));
    return { ...f, name: row.name, contentType: row.contentType || f.contentType };
  } catch (e) {
    if (e instanceof CampusError && e.kind === "refused") throw new AppError(4040, "文件不存在（校园平台已删除）");
    if (e instanceof CampusError) throw new AppError(5000, "校园平台暂时无法提供该文件，请稍后重试");
    throw e;
  }
}

/** Deletes a stored file on the platform (a destructive GET: called once) and forgets it. */
export async function removeCampusFile(id: string): Promise<void> {
  try {
    await tracked("files", () => deleteCampusFile(id));
  } catch (e) {
    // Already gone on the platform: forget it here too. Other failures keep the row so that it can be tried again.
    if (!(e instanceof CampusError && e.kind === "refused")) throw e;
  }
  const db = await getDb();
  await db.delete(campusFiles).where(eq(campusFiles.id, id));
}

export async function listCampusFiles(limit = 20) {
  const db = await getDb();
  const rows = await db.select().from(campusFiles).orderBy(desc(campusFiles.createdAt)).limit(limit);
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, size: r.size, createdBy: r.createdBy, createdAt: formatDateTime(r.createdAt) }));
}
