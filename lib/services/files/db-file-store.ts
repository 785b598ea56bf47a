import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { storedFiles } from "@/lib/db/schema";
import type { FileStore } from "./file-store";

const ID = /^[0-9a-f]{32}$/;

/** Files in the `stored_files` table. */
export const dbFileStore: FileStore = {
  async put(data, contentType, opts) {
    const id = randomBytes(16).toString("hex");
    const db = opts?.tx ?? (await getDb());
    await db.insert(storedFiles).values({ id, contentType, byteSize: data.length, data });
    return id;
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
