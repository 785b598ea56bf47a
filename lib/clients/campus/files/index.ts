import "server-only";
import { CampusError } from "../errors";
import { campusCall, campusFetch } from "../http";
import { CAMPUS_PATHS as P } from "../paths";
import { obj, parsePlatformTime, str } from "../read";

// The platform's file center (seed 002 §3.6). Files are addressed by a 32-hex id; downloads are proxied by our own
// routes with our own authorization (the platform's `furl` is never handed to browsers).

export interface CampusFile {
  id: string;
  name: string;
  url: string;
  type: string;
  createdAt: Date | null;
}

const FILE_ID = /^[0-9A-Za-z_-]{1,64}$/;

/** 3.6.1 file/client/add: multipart `file` part; `userName` both as a form field and in the query (seed quirk). */
export async function uploadCampusFile(data: Buffer | Uint8Array, filename: string, contentType: string, userName: string): Promise<CampusFile> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(data)], { type: contentType }), filename);
  form.append("userName", userName);
  const { data: d } = await campusCall("POST", P.fileAdd, { form, query: { userName } });
  const o = obj(d);
  const id = str(o.id);
  if (!FILE_ID.test(id)) throw new CampusError("unavailable", P.fileAdd, "campus file/client/add answered without a file id");
  return { id, name: str(o.fname) || filename, url: str(o.furl), type: str(o.ftype), createdAt: parsePlatformTime(o.createTime) };
}

/** 3.6.3 file/client/download: the body stream and its type, or a `refused` error when the platform has no such file. */
export async function downloadCampusFile(id: string): Promise<{ body: ReadableStream<Uint8Array>; contentType: string; length: string | null }> {
  if (!FILE_ID.test(id)) throw new CampusError("refused", P.fileDownload, "bad file id", 500, "当前文件不存在");
  const res = await campusFetch("GET", P.fileDownload, { query: { id } });
  const type = res.headers.get("content-type") ?? "application/octet-stream";
  // The platform reports errors as a JSON envelope even here.
  if (!res.ok || type.includes("application/json")) {
    let msg = `HTTP ${res.status}`;
    try {
      const j = obj(await res.json());
      msg = str(j.msg) || msg;
    } catch {
      /* not JSON */
    }
    throw new CampusError(res.ok ? "refused" : "unavailable", P.fileDownload, `campus file ${id}: ${msg}`, 500, msg);
  }
  if (!res.body) throw new CampusError("unavailable", P.fileDownload, `campus file ${id}: empty body`);
  return { body: res.body, contentType: type, length: res.headers.get("content-length") };
}

/** 3.6.2 GET file/client/delete — destructive GET: one call, never retried or prefetched. */
export async function deleteCampusFile(id: string): Promise<void> {
  if (!FILE_ID.test(id)) return;
  await campusCall("GET", P.fileDelete, { query: { id } });
}
