import "server-only";
import { env } from "@/lib/env";
import { getAccessToken, invalidateAccessToken } from "./access-token";
import { WecomError } from "./errors";
import { wecomRequest } from "./http";
import { sharedCachedValue } from "./shared-cache";

// The corp jsapi_ticket for wx.config (integrations.md §1.9): strict hourly quotas, so it is cached like the token.

export const ticketCacheKey = () => `wecom:jsapi_ticket:${env().WECOM_CORP_ID}:${env().WECOM_AGENT_ID}`;

export async function getJsapiTicket(): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    // The token is fetched outside the ticket's refresh transaction: nesting would hold two connections (and
    // deadlock on the single-connection embedded database).
    const token = await getAccessToken();
    try {
      return await sharedCachedValue(ticketCacheKey(), async () => {
        const body = await wecomRequest("get_jsapi_ticket", { access_token: token });
        if (typeof body.ticket !== "string" || !body.ticket) throw new WecomError("unavailable", undefined, "get_jsapi_ticket without ticket");
        return { value: body.ticket, expiresIn: Number(body.expires_in ?? 7200) };
      });
    } catch (e) {
      if (attempt > 0 || !(e instanceof WecomError) || e.kind !== "token") throw e;
      await invalidateAccessToken(token);
    }
  }
}
