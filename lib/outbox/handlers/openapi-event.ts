import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { pushCallback } from "@/lib/clients/subscriber/push-callback";
import { loadSubscription } from "@/lib/services/openapi/load-subscription";
import type { OutboxHandler } from "./types";

// Topic `openapi.event`: one §3.3 event for one subscriber (payload written by emitOpenEvent). Delivered only when
// the subscriber's answer verifies and decrypts to `success`; anything else is retried with the engine's back-off.

/** The subscriber has this long to answer (DingTalk's callback contract, integrations.md §2.6). */
export const SUBSCRIBER_TIMEOUT_MS = 1500;

const payload = z.object({
  credentialId: z.number().int(),
  event: z.object({ event_type: z.string(), value: z.array(z.unknown()).optional() }),
});

export const openApiEventHandler: OutboxHandler = {
  // The engine's own limit sits above the subscriber's budget so that our timeout, with its clear message, fires first.
  timeoutMs: SUBSCRIBER_TIMEOUT_MS + 1000,
  maxAttempts: 12,
  async deliver(raw, ctx) {
    const parsed = payload.safeParse(raw);
    if (!parsed.success) return { ok: false, error: "malformed openapi.event payload", permanent: true };
    const sub = await loadSubscription(await getDb(), parsed.data.credentialId);
    if (!sub) return { ok: false, error: "the app's subscription was removed or the app revoked", permanent: true };
    const result = await pushCallback(sub.url, sub.creds, parsed.data.event, { timeoutMs: SUBSCRIBER_TIMEOUT_MS, signal: ctx.signal });
    return result.ok ? { ok: true } : { ok: false, error: result.error };
  },
};
