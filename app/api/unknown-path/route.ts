// Every unknown path asked for as JSON (or under /api) lands here through next.config.mjs's fallback rewrites, which
// apply only when no page, route or public file matched: 404 in the caller's envelope (issue 11 §1.3).
import { unknownPathResponse } from "@/lib/http/unknown-path";

export const dynamic = "force-dynamic";

function handler(req: Request): Response {
  const url = new URL(req.url);
  // The rewrite passes the original path (without the base path); this route's own address is unknown too.
  const original = url.searchParams.get("path");
  return unknownPathResponse(original === null ? "/api/unknown-path" : `/${original}`);
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
