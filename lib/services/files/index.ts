import { dbFileStore } from "./db-file-store";
import type { FileStore, PutOptions, StoredFile } from "./file-store";

export type { FileStore, PutOptions, StoredFile } from "./file-store";

let current: FileStore = dbFileStore;

/** Installs another backend (the campus file center when that integration is on); the database store by default. */
export function setFileStore(store: FileStore | null) {
  current = store ?? dbFileStore;
}

export const fileStore = (): FileStore => current;

export const putFile = (data: Buffer, contentType: string, opts?: PutOptions) => current.put(data, contentType, opts);
export const getFile = (id: string): Promise<StoredFile | null> => current.get(id);
export const deleteFile = (id: string, opts?: PutOptions) => current.delete(id, opts);
