import "server-only";
import { createHash, randomInt } from "node:crypto";

/** legacy §7.3 / integrations §1.9: sha1 of the four fields in this fixed order, lowercase hex. */
export function jsapiSignature(ticket: string, nonceStr: string, timestamp: number, url: string): string {
  return createHash("sha1").update(`jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${url}`, "utf8").digest("hex");
}

/** 10 random lowercase letters, as the legacy app made them. */
export function nonce(): string {
  let s = "";
  for (let i = 0; i < 10; i++) s += String.fromCharCode(97 + randomInt(26));
  return s;
}
