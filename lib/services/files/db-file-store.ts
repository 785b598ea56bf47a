import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { storedFiles } from "@/lib/db/schema";
import { insertStoredFile, STORED_FILE_ID as ID } from "@/lib/db/stored-files";
import type { FileStore } from "./file-store";

/** Files in the `stored_files` table. */
export const dbFileStore: FileStore = {
  async put(data, contentType, opts) {
    return insertStoredFile(opts?.tx ?? (await getDb()), data, contentType);
  },
  async get(id) {
    if (!ID.test(id)) return null;
    const db = await getDb();
    const [row] = await db.select({ data: storedFiles.data, contentType: storedFiles.contentType }).from(storedFiles).where(eq(storedFiles.id, id));
    return row ?? null;
  },
  async delete(id, opts) {
    if (!ID.test(id)) return;
    const db = opts?.tx ?? (await getDb());
    await db.delete(storedFiles).where(eq(storedFiles.id, id));
  },
};
