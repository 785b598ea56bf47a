import "server-only";
import { campusEnabled } from "@/lib/clients/campus/config";
import { campusFileStore } from "./campus-file-store";
import { dbFileStore } from "./db-file-store";
import type { FileStore, PutOptions, StoredFile } from "./file-store";

export type { FileStore, PutOptions, StoredFile } from "./file-store";

let installed: FileStore | null = null;

/** Installs another backend (tests); by default the campus file center when that integration is on, else the database. */
export function setFileStore(store: FileStore | null) {
  installed = store;
}

export const fileStore = (): FileStore => installed ?? (campusEnabled() ? campusFileStore : dbFileStore);

export const putFile = (data: Buffer, contentType: string, opts?: PutOptions) => fileStore().put(data, contentType, opts);
export const getFile = (id: string): Promise<StoredFile | null> => fileStore().get(id);
export const deleteFile = (id: string, opts?: PutOptions) => fileStore().delete(id, opts);
