import "server-only";
import { env } from "@/lib/env";
import { WecomError } from "./errors";
import { wecomRequest } from "./http";
import { invalidateSharedValue, sharedCachedValue } from "./shared-cache";

// The app's access token (integrations.md §1.2), one per corp + app, shared by every instance through the database.

export const tokenCacheKey = () => `wecom:access_token:${env().WECOM_CORP_ID}:${env().WECOM_AGENT_ID}`;

export function getAccessToken(): Promise<string> {
  return sharedCachedValue(tokenCacheKey(), async () => {
    const e = env();
    const body = await wecomRequest("gettoken", { corpid: e.WECOM_CORP_ID, corpsecret: e.WECOM_SECRET });
    if (typeof body.access_token !== "string" || !body.access_token) throw new WecomError("unavailable", undefined, "gettoken without access_token");
    return { value: body.access_token, expiresIn: Number(body.expires_in ?? 7200) };
  });
}

export function invalidateAccessToken(rejected: string): Promise<void> {
  return invalidateSharedValue(tokenCacheKey(), rejected);
}
