import "server-only";
import { randomBytes } from "node:crypto";
import type { Db, Tx } from "./client";
import { storedFiles } from "./schema";

/** The id of a row of `stored_files`: 32 hex digits. */
export const STORED_FILE_ID = /^[0-9a-f]{32}$/;

/** Inserts the bytes as a new row of `stored_files` (inside the caller's transaction) and returns its id. */
export async function insertStoredFile(db: Db | Tx, data: Buffer, contentType: string): Promise<string> {
  const id = randomBytes(16).toString("hex");
  await db.insert(storedFiles).values({ id, contentType, byteSize: data.length, data });
  return id;
}
