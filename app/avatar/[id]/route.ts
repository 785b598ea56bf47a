// GET /avatar/{id} – a stored avatar image (replaces the legacy static /avatar/<uuid><ext> files)
import { getAvatar } from "@/lib/services/profile/get-avatar";
import { isAppError } from "@/lib/errors";
import { isDatabaseUnavailable, plainUnavailable } from "@/lib/http/unavailable";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { contentType, data } = await getAvatar((await ctx.params).id);
    return new Response(new Uint8Array(data), {
      headers: {
        "content-type": contentType,
        // An id names one immutable image: a new upload gets a new id.
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (isAppError(e)) return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    if (isDatabaseUnavailable(e)) return plainUnavailable();
    throw e;
  }
}
