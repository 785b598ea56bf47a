import "server-only";
import { isAppError } from "@/lib/errors";
import { isDatabaseUnavailable, plainUnavailable } from "./unavailable";

// Calendar responses (text/calendar). Feeds are fetched by calendar apps without cookies, by secret address.

const notFound = () => new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/** `{token}.ics` → token; anything else → null. */
export const icsName = (file: string) => (/^[A-Za-z0-9_-]{1,64}\.ics$/.test(file) ? file.slice(0, -4) : null);

export async function icsResponse(make: () => Promise<string>, opts: { filename?: string } = {}): Promise<Response> {
  try {
    const body = await make();
    return new Response(body, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "cache-control": "private, no-cache",
        "x-content-type-options": "nosniff",
        ...(opts.filename ? { "content-disposition": `attachment; filename="${opts.filename}"` } : {}),
      },
    });
  } catch (e) {
    if (isAppError(e)) return notFound();
    if (isDatabaseUnavailable(e)) return plainUnavailable();
    throw e;
  }
}
