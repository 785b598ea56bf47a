import "server-only";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/db/availability";

// The HTTP side of a database outage: every adapter answers 503 with Retry-After in its own envelope (never 500).

export { isDatabaseUnavailable };

export function unavailableHeaders(): HeadersInit {
  return { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" };
}

/** A one-line reason for the log (the driver's code and message), without the stack of a routine outage. */
export function describeUnavailable(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 6; depth++) {
    const err = cur as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof err.code === "string") parts.push(`${err.code}: ${String(err.message ?? "").split("\n")[0]}`);
    cur = err.cause;
  }
  return parts.join(" ← ") || String(e);
}

/** For responses without an envelope (images, calendar feeds): 503 in plain text. */
export function plainUnavailable(): Response {
  return new Response("服务暂时不可用，请稍后再试 / Service temporarily unavailable, try again shortly", {
    status: 503,
    headers: { "content-type": "text/plain; charset=utf-8", ...unavailableHeaders() },
  });
}
