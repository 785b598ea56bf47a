import "server-only";
import { AppError } from "@/lib/errors";
import { requestContext } from "@/lib/request-context";
import { openCampusFile, removeCampusFile, storeCampusFile } from "@/lib/services/campus/files";
import { dbFileStore } from "./db-file-store";
import type { FileStore } from "./file-store";

// The file store when the campus platform is on (CAMPUS_API_BASE): bytes go to the platform's file center
// (file/client/add) and are read back through our own routes. Our ids for them are `campus:<platform id>`; files
// written to the database before the integration was turned on keep their ids and are still read and removed there.

const PREFIX = "campus:";

export const campusFileStore: FileStore = {
  async put(data, contentType, opts) {
    const uploader = requestContext()?.actor?.name ?? "meeting";
    const f = await storeCampusFile({ data, name: opts?.name ?? "file", contentType, kind: "room-photo", userName: uploader });
    return PREFIX + f.id;
  },
  async get(id) {
    if (!id.startsWith(PREFIX)) return dbFileStore.get(id);
    try {
      const f = await openCampusFile(id.slice(PREFIX.length));
      return { data: Buffer.from(await new Response(f.body).arrayBuffer()), contentType: f.contentType };
    } catch (e) {
      if (e instanceof AppError && e.code === 4040) return null;
      throw e;
    }
  },
  async delete(id, opts) {
    if (!id.startsWith(PREFIX)) return dbFileStore.delete(id, opts);
    await removeCampusFile(id.slice(PREFIX.length));
  },
};
