import { FIELD_HEADER } from "@/lib/errors";
// The one browser client of the legacy JSON endpoints (and the read-only /api/admin views under the same base path).
// The legacy envelope is {errcode, errmsg, ...} with HTTP 200 for application errors, or a layui page {code, msg, ...};
// anything but code 0 is thrown as an ApiError. When the server names the input field at fault (the
// FIELD_HEADER response header, see lib/errors.ts) the error carries it, so forms never parse messages.

/** The legacy servlet context path (legacy-behaviour A1): every endpoint and page lives under it. */
export const BASE = "/meeting";


export class ApiError extends Error {
  constructor(
    readonly code: number,
    /** The server's errmsg as sent (user pages show it as it is). */
    readonly errmsg: string,
    /** The input field the server named, when it named one. */
    readonly field?: string,
  ) {
    super(humanMessage(errmsg, field));
    this.name = "ApiError";
  }
}

export type FormValue = string | number | boolean | null | undefined | Array<string | number>;
export type Envelope = { errcode: number; errmsg: string } & Record<string, unknown>;

/**
 * The legacy envelope words bad input as `数据格式有误(field: why)` (a contract other clients rely on); people in the
 * console see only the why, never a field name in parentheses.
 */
export function humanMessage(msg: string, field?: string): string {
  if (field) {
    const prefix = `数据格式有误(${field}: `;
    return msg.startsWith(prefix) && msg.endsWith(")") ? msg.slice(prefix.length, -1) : msg;
  }
  // Messages that reached us without the field header (server actions, other envelopes).
  const m = /^数据格式有误\([A-Za-z0-9_.[\]]+: (.+)\)$/s.exec(msg);
  return m ? m[1] : msg;
}

/** The top-level input field a 4002 answer named (`weekdays.0` → `weekdays`), if it named one. */
export const badField = (e: ApiError): string | undefined => (e.code === 4002 && e.field ? e.field.split(/[.[]/)[0] : undefined);

export const errorText = (e: unknown) => (e instanceof Error ? e.message : "操作失败");

function encode(data: Record<string, FormValue>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(data)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      // An empty list is sent as `k=` (legacy: an empty array), items as repeated keys.
      if (v.length === 0) body.append(k, "");
      for (const item of v) body.append(k, String(item));
    } else body.append(k, String(v));
  }
  return body;
}

/** Signed out (or demoted/deleted) mid-session: go to the admin login page and come back afterwards. */
function onSignedOut() {
  if (typeof window === "undefined") return;
  const here = window.location.pathname + window.location.search;
  window.location.assign(`${BASE}/admin/login?next=${encodeURIComponent(here)}`);
}

/** Decodes a parsed body: the value on success, an ApiError otherwise. */
function check<T>(body: unknown, status: number, ok: boolean, field: string | null): T {
  const b = body as { errcode?: number; errmsg?: string; code?: number; msg?: string };
  const code = typeof b.errcode === "number" ? b.errcode : typeof b.code === "number" ? b.code : 0;
  if (code !== 0) {
    if (code === 1005) onSignedOut();
    throw new ApiError(code, b.errmsg ?? b.msg ?? `请求失败（${code}）`, field ?? undefined);
  }
  if (!ok) throw new ApiError(status, `请求失败（HTTP ${status}）`);
  return body as T;
}

const unreadable = (status: number) => new ApiError(status || 5000, `服务器返回了无法识别的内容（HTTP ${status}）`);

async function unwrap<T>(res: Response): Promise<T> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw unreadable(res.status);
  }
  return check<T>(body, res.status, res.ok, res.headers.get(FIELD_HEADER));
}

const url = (path: string, params: Record<string, FormValue> = {}) => {
  const qs = encode(params).toString();
  return `${BASE}${path}${qs ? `?${qs}` : ""}`;
};

export async function getJson<T = Envelope>(path: string, params: Record<string, FormValue> = {}): Promise<T> {
  return unwrap(await fetch(url(path, params), { headers: { accept: "application/json" }, cache: "no-store" }));
}

/** POST as application/x-www-form-urlencoded, as the legacy pages did. */
export async function postForm<T = Envelope>(path: string, data: Record<string, FormValue>): Promise<T> {
  const res = await fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8", accept: "application/json" },
    body: encode(data),
  });
  return unwrap(res);
}

/** POST a JSON body (the endpoints that take lists: recurring bookings). */
export async function postJson<T = Envelope>(path: string, body: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${BASE}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { accept: "application/json", "content-type": "application/json" },
  });
  return unwrap(res);
}

/** POST one file as multipart/form-data. */
export async function postFile<T>(path: string, field: string, file: File): Promise<T> {
  const fd = new FormData();
  fd.append(field, file);
  return unwrap<T>(await fetch(`${BASE}${path}`, { method: "POST", body: fd, headers: { accept: "application/json" } }));
}

/** POST one file with upload progress (XHR: fetch reports none). Resolves with the envelope; rejects with ApiError or TypeError (network). */
export function postFileWithProgress<T = Envelope>(path: string, field: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${BASE}${path}`);
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new TypeError("network"));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        return reject(unreadable(xhr.status));
      }
      try {
        resolve(check<T>(body, xhr.status, xhr.status >= 200 && xhr.status < 300, xhr.getResponseHeader(FIELD_HEADER)));
      } catch (e) {
        reject(e);
      }
    };
    const form = new FormData();
    form.append(field, file);
    xhr.send(form);
  });
}

/**
 * A state-changing GET that answers a redirect on success (legacy /appointment/cancel/{id}). Asking for JSON makes the
 * server answer an error as the envelope instead of its HTML error page. Resolves when the server redirected.
 */
export async function getAction(path: string): Promise<void> {
  const res = await fetch(`${BASE}${path}`, { headers: { accept: "application/json" } });
  if (res.redirected) return;
  await unwrap(res);
}

/** A layui table page as the legacy list endpoints return it. */
export interface LayuiPage<T> {
  code: 0;
  msg: string;
  count: number;
  data: T[];
}
