"use client";
// The console's only way to talk to the server: the legacy JSON endpoints (one write path) and a few read-only
// /api/admin views. Success is errcode 0 (or layui code 0); anything else is thrown as an ApiError with the
// server's own message, so every page shows the same Chinese text the API gives.

export const BASE = "/meeting";

export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type FormValue = string | number | boolean | null | undefined | Array<string | number>;

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

/** Signed out (or demoted/deleted) mid-session: go to the login page and come back afterwards. */
function onSignedOut() {
  if (typeof window === "undefined") return;
  const here = window.location.pathname + window.location.search;
  window.location.assign(`${BASE}/admin/login?next=${encodeURIComponent(here)}`);
}

async function unwrap<T>(res: Response): Promise<T> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status || 5000, `服务器返回了无法识别的内容（HTTP ${res.status}）`);
  }
  const b = body as { errcode?: number; errmsg?: string; code?: number; msg?: string };
  const code = typeof b.errcode === "number" ? b.errcode : typeof b.code === "number" ? b.code : 0;
  if (code !== 0) {
    if (code === 1005) onSignedOut();
    throw new ApiError(code, humanMessage(b.errmsg ?? b.msg ?? `请求失败（${code}）`));
  }
  if (!res.ok) throw new ApiError(res.status, `请求失败（HTTP ${res.status}）`);
  return body as T;
}

/**
 * The legacy envelope words bad input as `数据格式有误(field: why)` (a contract other clients rely on); people in the
 * console see only the why, never a field name in parentheses.
 */
export function humanMessage(msg: string): string {
  const m = /^数据格式有误\([A-Za-z0-9_.[\]]+: (.+)\)$/s.exec(msg);
  return m ? m[1] : msg;
}

export async function getJson<T>(path: string, params: Record<string, FormValue> = {}): Promise<T> {
  const qs = encode(params).toString();
  const res = await fetch(`${BASE}${path}${qs ? `?${qs}` : ""}`, { headers: { accept: "application/json" }, cache: "no-store" });
  return unwrap<T>(res);
}

export async function postForm<T = { errcode: 0; errmsg: string }>(path: string, data: Record<string, FormValue>): Promise<T> {
  const res = await fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8", accept: "application/json" },
    body: encode(data),
  });
  return unwrap<T>(res);
}

export async function postFile<T>(path: string, field: string, file: File): Promise<T> {
  const fd = new FormData();
  fd.append(field, file);
  const res = await fetch(`${BASE}${path}`, { method: "POST", body: fd, headers: { accept: "application/json" } });
  return unwrap<T>(res);
}

export const errorText = (e: unknown) => (e instanceof Error ? e.message : "操作失败");

/** A layui table page as the legacy list endpoints return it. */
export interface LayuiPage<T> {
  code: 0;
  msg: string;
  count: number;
  data: T[];
}
