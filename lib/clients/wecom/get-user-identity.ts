import "server-only";
import { callWecom } from "./call";
import { WecomError } from "./errors";

export type WecomIdentity = { kind: "member"; userid: string; deviceId?: string } | { kind: "non-member"; openid: string };

/**
 * Exchanges an OAuth or web-login code (single use, 5 minutes) for who signed in (integrations.md §1.4).
 * Accepts both spellings: the current lowercase `userid`/`openid` and the old capitalised `UserId`/`OpenId`.
 */
export async function getUserIdentity(code: string): Promise<WecomIdentity> {
  const body = await callWecom("auth/getuserinfo", { code });
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  const userid = str(body.userid) ?? str(body.UserId);
  const openid = str(body.openid) ?? str(body.OpenId);
  if (userid) return { kind: "member", userid, deviceId: str(body.DeviceId) };
  if (openid) return { kind: "non-member", openid };
  throw new WecomError("other", 0, "getuserinfo answered neither userid nor openid");
}
