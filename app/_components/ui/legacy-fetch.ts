// Browser calls to the legacy JSON endpoints: {errcode, errmsg, ...} with HTTP 200 for application errors.
// The one place the user pages decode that envelope.

export const BASE = "/meeting";

export class LegacyError extends Error {
  constructor(readonly errcode: number, message: string) {
    super(message);
  }
}

type Envelope = { errcode: number; errmsg: string } & Record<string, unknown>;

async function decode<T>(res: Response): Promise<T & Envelope> {
  let body: Envelope;
  try {
    body = (await res.json()) as Envelope;
  } catch {
    throw new LegacyError(res.status === 0 ? -1 : 5000, `HTTP ${res.status}`);
  }
  if (typeof body.errcode === "number" && body.errcode !== 0) throw new LegacyError(body.errcode, body.errmsg);
  return body as T & Envelope;
}

export async function legacyGet<T>(path: string, params?: Record<string, string | number | undefined>): Promise<T & Envelope> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== "") qs.set(k, String(v));
  const q = qs.toString();
  return decode<T>(await fetch(`${BASE}${path}${q ? `?${q}` : ""}`, { headers: { accept: "application/json" } }));
}

/** POST as application/x-www-form-urlencoded, as the legacy pages did. */
export async function legacyPost<T>(path: string, params: Record<string, string | number | undefined>): Promise<T & Envelope> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) body.set(k, String(v));
  return decode<T>(await fetch(`${BASE}${path}`, { method: "POST", body, headers: { accept: "application/json" } }));
}

/** POST a JSON body (the new endpoints that take lists: recurring bookings). */
export async function jsonPost<T>(path: string, body: Record<string, unknown>): Promise<T & Envelope> {
  return decode<T>(await fetch(`${BASE}${path}`, { method: "POST", body: JSON.stringify(body), headers: { accept: "application/json", "content-type": "application/json" } }));
}
