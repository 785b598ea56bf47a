// POST /api/open/{resource}/{action} – the Open API (integrations.md §3.2); one table of endpoints, so that the
// seed's paths with stray spaces (`user/ clearFace`, `meeting/ finish`, i.e. %20) reach the same handler.
import { openFail } from "@/lib/http/open";
import { kickOutbox } from "@/lib/outbox/kick-outbox";
import { OPEN_ENDPOINTS } from "../../_endpoints";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ resource: string; action: string }> };
const clean = (s: string) => {
  try {
    return decodeURIComponent(s).trim();
  } catch {
    return s.trim();
  }
};

export async function POST(req: Request, ctx: Ctx) {
  const { resource, action } = await ctx.params;
  const endpoint = OPEN_ENDPOINTS.get(clean(resource))?.get(clean(action));
  if (!endpoint) return openFail(71001, `Unknown endpoint /open/${clean(resource)}/${clean(action)}`, undefined, 404);
  const res = await endpoint(req);
  // A change's event pushes go out right after the response instead of at the next maintenance run.
  if (res.status === 200 && clean(action) !== "list" && clean(action) !== "get") kickOutbox();
  return res;
}
