// GET /ticket – the WeCom jsapi_ticket as plain text (legacy IndexController#ticket)
import { legacyRoute } from "@/lib/http/legacy";
import { readJsapiTicket } from "@/lib/services/jssdk/read-jsapi-ticket";

export const GET = legacyRoute({}, async () =>
  new Response(await readJsapiTicket(), { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } }),
);
