// Every unknown path asked for as JSON (or under /api, or near a legacy JSON endpoint) lands here through
// next.config.mjs's fallback rewrites, which apply only when no page, route or public file matched: a JSON 404 in the
// legacy envelope (issue 11 §1.3). Unknown paths under /api/open go to ./open (the Open API envelope).
import { unknownPathResponse } from "@/lib/http/unknown-path";

export const dynamic = "force-dynamic";

const handler = () => unknownPathResponse("legacy");

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
