import "server-only";
import { isAppError } from "@/lib/errors";
import { isDatabaseUnavailable, plainUnavailable } from "./unavailable";

// Stored images (avatars, room photos) served by id: an id names one immutable image (a new upload gets a new id),
// so the answer is cached for a year; an unknown id is a plain 404, a database outage a plain 503.

const notFound = () => new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/** `load` returns the image, or null / throws an AppError when there is no such image. */
export async function storedImageResponse(load: () => Promise<{ contentType: string; data: Uint8Array } | null>): Promise<Response> {
  try {
    const image = await load();
    if (!image) return notFound();
    return new Response(new Uint8Array(image.data), {
      headers: {
        "content-type": image.contentType,
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (isAppError(e)) return notFound();
    if (isDatabaseUnavailable(e)) return plainUnavailable();
    throw e;
  }
}
