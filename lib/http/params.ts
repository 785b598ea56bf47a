import "server-only";
import type { ParamValue } from "@/lib/validation/common";
import { readCappedBody } from "./body-limit";

// Legacy parameter binding (legacy-behaviour §2.3, A2–A3): parameters may come from the query string, an
// urlencoded or multipart body, or (new) a JSON body; arrays arrive as repeated keys or one comma-separated value.

export type { ParamValue };
export type Params = Record<string, ParamValue>;

function add(out: Params, key: string, value: string | File) {
  const prev = out[key];
  if (prev === undefined) out[key] = value;
  else if (Array.isArray(prev)) {
    if (typeof value === "string") prev.push(value);
  } else if (typeof prev === "string" && typeof value === "string") out[key] = [prev, value];
  else out[key] = value;
}

export class BodyParseError extends Error {}

/**
 * Query string first, then the body; a body value is appended to a query value of the same name. The body is read
 * only up to MAX_BODY_BYTES (BodyTooLargeError beyond it, checked on Content-Length before reading).
 */
export async function readParams(original: Request): Promise<Params> {
  const out: Params = {};
  const url = new URL(original.url);
  for (const [k, v] of url.searchParams) add(out, k, v);
  if (original.method === "GET" || original.method === "HEAD") return out;
  const req = await readCappedBody(original);

  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  try {
    if (type.startsWith("application/json")) {
      const text = await req.text();
      if (!text.trim()) return out;
      const body = JSON.parse(text) as unknown;
      if (!body || typeof body !== "object" || Array.isArray(body)) throw new BodyParseError("JSON body must be an object");
      for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
        if (v === null || v === undefined) continue;
        if (Array.isArray(v)) for (const item of v) add(out, k, String(item));
        else if (typeof v === "object") add(out, k, JSON.stringify(v));
        else add(out, k, String(v));
        // A JSON array of one element still means an array.
        if (Array.isArray(v) && v.length === 1) out[k] = [String(v[0])];
        if (Array.isArray(v) && v.length === 0) out[k] = [];
      }
    } else if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
      const form = await req.formData();
      for (const [k, v] of form) add(out, k, v);
    }
  } catch (e) {
    if (e instanceof BodyParseError) throw e;
    throw new BodyParseError(e instanceof Error ? e.message : "unreadable body");
  }
  return out;
}
