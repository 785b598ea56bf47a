import "server-only";
import { env } from "@/lib/env";
import { campusConfig } from "./config";
import { CampusError } from "./errors";

// Raw calls to the API center (integrations §4.1): the three credentials on every request, a timeout (5 s by
// default), GET parameters always in the query string (seed 002 documents some GETs "with a JSON body", which fetch
// cannot send), and the two envelopes read once:
//   plain  {code, msg, data}
//   paged  {code, msg, total, rows, pageNum (= total pages!), pageSize, currPage}
// Nothing here retries: several documented GETs delete things (file/delete, rcInfo/delete…), and a retried POST
// could push a notice twice. Durable retries belong to the outbox.

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface Envelope {
  code: number;
  msg: string | null;
  data: unknown;
  /** Paged answers only. */
  total?: number;
  rows?: unknown[];
  pageSize?: number;
  currPage?: number;
}

export interface RequestOptions {
  query?: Query;
  /** JSON body (POST only). */
  body?: unknown;
  /** Multipart body (POST only). */
  form?: FormData;
  signal?: AbortSignal;
}

function headers(): Record<string, string> {
  const e = env();
  return { "api-token": e.CAMPUS_API_TOKEN, clientId: e.CAMPUS_CLIENT_ID, clientSecret: e.CAMPUS_CLIENT_SECRET };
}

export function campusUrl(path: string, query?: Query): URL {
  const url = new URL(`${campusConfig().base}${path}`);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
  return url;
}

/** Sends one request and returns the raw Response (downloads); throws `unavailable` when there is no answer. */
export async function campusFetch(method: "GET" | "POST", path: string, opts: RequestOptions = {}): Promise<Response> {
  const { timeoutMs } = campusConfig();
  const signal = opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  const h: Record<string, string> = { ...headers(), accept: "application/json" };
  let body: BodyInit | undefined;
  if (method === "POST") {
    if (opts.form) body = opts.form;
    else {
      h["content-type"] = "application/json;charset=UTF-8";
      body = JSON.stringify(opts.body ?? {});
    }
  }
  try {
    return await fetch(campusUrl(path, opts.query), { method, headers: h, body, signal, cache: "no-store", redirect: "error" });
  } catch (e) {
    const why = (e as Error).name === "TimeoutError" || (e as Error).name === "AbortError" ? `timed out after ${timeoutMs} ms` : (e as Error).message;
    throw new CampusError("unavailable", path, `campus ${path} unreachable: ${why}`);
  }
}

const num = (v: unknown): number | undefined => {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
};

/** One call, envelope checked: `code` 0 is success, anything else a `refused` error carrying the platform's `msg`. */
export async function campusCall(method: "GET" | "POST", path: string, opts: RequestOptions = {}): Promise<Envelope> {
  const res = await campusFetch(method, path, opts);
  let json: Record<string, unknown>;
  try {
    json = (await res.json()) as Record<string, unknown>;
  } catch {
    throw new CampusError("unavailable", path, `campus ${path} answered HTTP ${res.status} without JSON`);
  }
  if (!json || typeof json !== "object") throw new CampusError("unavailable", path, `campus ${path} answered HTTP ${res.status} with no envelope`);
  const code = num(json.code);
  const msg = typeof json.msg === "string" ? json.msg : null;
  if (code === undefined) {
    throw new CampusError("unavailable", path, `campus ${path} answered HTTP ${res.status} without a code`);
  }
  if (code !== 0 && code !== 200) {
    throw new CampusError("refused", path, `campus ${path} refused (code ${code}): ${msg ?? "no message"}`, code, msg);
  }
  if (!res.ok) throw new CampusError("unavailable", path, `campus ${path} answered HTTP ${res.status}`);
  return {
    code,
    msg,
    data: json.data ?? null,
    total: num(json.total),
    rows: Array.isArray(json.rows) ? json.rows : undefined,
    pageSize: num(json.pageSize),
    currPage: num(json.currPage),
  };
}

export interface Page<T> {
  total: number;
  rows: T[];
}

/** A paged GET. `pageNum` is the page we ask for; the answer's `pageNum` (documented as total pages) is ignored. */
export async function campusPage(path: string, pageNum: number, pageSize: number, query: Query = {}): Promise<Page<unknown>> {
  const env = await campusCall("GET", path, { query: { ...query, pageNum, pageSize } });
  const rows = env.rows ?? (Array.isArray(env.data) ? env.data : []);
  return { total: env.total ?? rows.length, rows };
}

/** Every row of a paged GET: pages = ceil(total / pageSize), stopping early on a short page; capped at `maxPages`. */
export async function campusAllPages(path: string, query: Query = {}, pageSize = 100, maxPages = 500): Promise<unknown[]> {
  const all: unknown[] = [];
  for (let p = 1; p <= maxPages; p++) {
    const page = await campusPage(path, p, pageSize, query);
    all.push(...page.rows);
    const pages = Math.ceil(page.total / pageSize);
    if (p >= pages || page.rows.length === 0) break;
  }
  return all;
}
