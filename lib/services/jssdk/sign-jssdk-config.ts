import "server-only";
import { jsapiSignature, nonce } from "@/lib/clients/wecom/signature";
import { env } from "@/lib/env";
import { readJsapiTicket } from "./read-jsapi-ticket";

export interface JssdkConfig {
  appId: string;
  timestamp: number;
  nonceStr: string;
  signature: string;
}

/** wx.config parameters for a page URL (legacy E4 / §7.3); the URL's #fragment is not part of what is signed. */
export async function signJssdkConfig(url: string): Promise<JssdkConfig> {
  const ticket = await readJsapiTicket();
  const page = url.split("#")[0];
  const timestamp = Math.floor(Date.now() / 1000);
  const nonceStr = nonce();
  return { appId: env().WECOM_CORP_ID, timestamp, nonceStr, signature: jsapiSignature(ticket, nonceStr, timestamp, page) };
}
