// Request bodies are never buffered beyond what uploads need (issue 11 §2.8): a declared Content-Length over the
// limit is refused before a byte is read, and a body without one (chunked) is read only up to the limit.

import "server-only";

/** The largest request body any endpoint accepts (avatars and faces ≤ 5 MB, room spreadsheets) plus form overhead. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`请求体不能超过${Math.round(limit / 1024 / 1024)}MB`);
  }
}

/** Throws BodyTooLargeError when the request declares a body over the limit. */
export function assertDeclaredSize(req: Request, limit = MAX_BODY_BYTES) {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) throw new BodyTooLargeError(limit);
}

/**
 * The body as bytes, read at most up to the limit (the stream is cancelled once it is exceeded), then a Request
 * with the same headers around those bytes, so that `formData()` / `text()` parse what was read.
 */
export async function readCappedBody(req: Request, limit = MAX_BODY_BYTES): Promise<Request> {
  assertDeclaredSize(req, limit);
  if (!req.body) return req;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body: bytes });
}
