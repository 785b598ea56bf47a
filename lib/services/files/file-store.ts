import "server-only";
import type { Db, Tx } from "@/lib/db";

// The file store: immutable blobs by opaque id. One interface, one database implementation (db-file-store.ts);
// the campus file-center client can implement the same interface and be installed with setFileStore().

export interface StoredFile {
  data: Buffer;
  contentType: string;
}

export interface PutOptions {
  /** The changing transaction: the database store writes inside it, so the file exists iff the change commits. */
  tx?: Tx | Db;
  /** A hint for stores that keep names (e.g. `room-3-photo.jpg`). */
  name?: string;
}

export interface FileStore {
  /** Stores the bytes and returns the file's id (at most 128 characters). */
  put(data: Buffer, contentType: string, opts?: PutOptions): Promise<string>;
  /** The file, or null when no file has that id. */
  get(id: string): Promise<StoredFile | null>;
  /** Removes the file; unknown ids are ignored. */
  delete(id: string, opts?: { tx?: Tx | Db }): Promise<void>;
}
