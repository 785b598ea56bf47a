// GET /room-photo/{id} – a room photo (re-encoded JPEG from the file store)
import { isAppError } from "@/lib/errors";
import { getRoomPhoto } from "@/lib/services/rooms/photos/get-room-photo";
import { isDatabaseUnavailable, plainUnavailable } from "@/lib/http/unavailable";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const raw = (await ctx.params).id;
  try {
    if (!/^\d{1,10}$/.test(raw)) throw null;
    const { contentType, data } = await getRoomPhoto(Number(raw));
    return new Response(new Uint8Array(data), {
      headers: {
        "content-type": contentType,
        // A photo id names one immutable image: a replaced photo gets a new id.
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (e === null || isAppError(e)) return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    if (isDatabaseUnavailable(e)) return plainUnavailable();
    throw e;
  }
}
