import { z } from "zod";
import type { DeliveryOutcome, OutboxHandler } from "./types";

// Topic `wecom.message`: a WeCom app text message (legacy MessageUtil, integrations §1.10). Payload {touser, content},
// written by the service that made the change; the body sent is {touser, msgtype:"text", agentid, text:{content}}.

export const wecomMessagePayload = z.object({
  touser: z.string().min(1).max(64),
  content: z.string().min(1),
});
export type WecomMessagePayload = z.infer<typeof wecomMessagePayload>;

/** What message/send answered (only the fields we act on). */
export interface WecomSendResult {
  errcode: number;
  errmsg?: string;
  invaliduser?: string;
  unlicenseduser?: string;
}

/** Sends one text message through the WeCom client (which owns the token, the timeout and retry-once on 40014/42001). */
export type SendText = (touser: string, content: string, signal: AbortSignal) => Promise<WecomSendResult>;

// Codes that will never succeed for this recipient: retrying only burns quota (integrations §1.11).
const PERMANENT = new Set([
  81013, // every recipient invalid
  40031, // invalid userid list
  40003, // invalid userid
  60111, // userid not found
  60011, // member outside the app's visible scope
]);

export function wecomMessageHandler(send: SendText): OutboxHandler {
  return {
    timeoutMs: 15_000,
    async deliver(payload, ctx): Promise<DeliveryOutcome> {
      const parsed = wecomMessagePayload.safeParse(payload);
      if (!parsed.success) return { ok: false, permanent: true, error: `malformed payload: ${parsed.error.message}` };
      const { touser, content } = parsed.data;
      const res = await send(touser, content, ctx.signal);
      if (res.errcode !== 0) {
        return { ok: false, permanent: PERMANENT.has(res.errcode), error: `WeCom errcode ${res.errcode}: ${res.errmsg ?? ""}`.trim() };
      }
      // errcode 0 with the recipient listed as invalid or unlicensed is still a non-delivery (WeCom lowercases them).
      const rejected = [res.invaliduser, res.unlicenseduser]
        .flatMap((list) => (list ? list.split("|") : []))
        .some((u) => u.toLowerCase() === touser.toLowerCase());
      if (rejected) return { ok: false, permanent: true, error: `WeCom refused recipient ${touser}` };
      return { ok: true };
    },
  };
}
