import "server-only";
import { getAccessToken, invalidateAccessToken } from "./access-token";
import { WecomError } from "./errors";
import { wecomRequest, type WecomBody } from "./http";

/**
 * A server API call with the cached access token. When WeCom says the token is invalid, expired or missing
 * (40014 / 42001 / 41001) the token is dropped, fetched again and the call retried once; a second failure is an error.
 */
export async function callWecom(path: string, query: Record<string, string> = {}, body?: unknown): Promise<WecomBody> {
  const token = await getAccessToken();
  try {
    return await wecomRequest(path, { ...query, access_token: token }, body);
  } catch (e) {
    if (!(e instanceof WecomError) || e.kind !== "token") throw e;
    await invalidateAccessToken(token);
    const fresh = await getAccessToken();
    return wecomRequest(path, { ...query, access_token: fresh }, body);
  }
}
