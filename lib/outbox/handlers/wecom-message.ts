import "server-only";
import { z } from "zod";
import { WecomError, type WecomErrorKind } from "@/lib/clients/wecom/errors";
import { sendText, type SendResult } from "@/lib/clients/wecom/send-text";
import type { DeliveryOutcome, OutboxHandler } from "./types";

// Topic `wecom.message`: a WeCom app text message (legacy MessageUtil, integrations §1.10). Payload {touser, content},
// written by the service that made the change; the WeCom client sends {touser, msgtype:"text", agentid, text:{content}}
// with the shared access token (refetched and retried once when WeCom rejects it).

export const wecomMessagePayload = z.object({
  touser: z.string().min(1).max(64),
  content: z.string().min(1),
});

export type SendText = (touser: string, content: string) => Promise<SendResult>;

// Failures that will never succeed for this recipient: retrying only burns quota (integrations §1.11: 81013 every
// recipient invalid; 60111/60011/50002 unknown or outside the app's visible scope).
const PERMANENT: ReadonlySet<WecomErrorKind> = new Set(["no-recipient", "not-found"]);

export function wecomMessageHandler(send: SendText = sendText): OutboxHandler {
  return {
    // The client times out each call after 5 s; a token refresh plus the retried send stays well inside this.
    timeoutMs: 20_000,
    async deliver(payload): Promise<DeliveryOutcome> {
      const parsed = wecomMessagePayload.safeParse(payload);
      if (!parsed.success) return { ok: false, permanent: true, error: `malformed payload: ${parsed.error.message}` };
      const { touser, content } = parsed.data;
      let result: SendResult;
      try {
        result = await send(touser, content);
      } catch (e) {
        if (e instanceof WecomError) return { ok: false, permanent: PERMANENT.has(e.kind), error: e.message };
        throw e; // counted as a transient failure by the engine
      }
      // errcode 0 with the recipient listed as invalid is still a non-delivery (WeCom lowercases the ids it echoes).
      if (result.invalidUsers.some((u) => u.toLowerCase() === touser.toLowerCase())) {
        return { ok: false, permanent: true, error: `WeCom refused recipient ${touser} (invaliduser)` };
      }
      return { ok: true };
    },
  };
}
