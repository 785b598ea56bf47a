import type { HandlerRegistry } from "./types";
import { wecomMessageHandler } from "./wecom-message";
import { sendWecomText } from "./send-wecom-text";

// Every outbox topic and who delivers it. `openapi.event` (webhooks) and `campus.call` join here when they exist;
// until then their messages simply wait, pending.
export function defaultHandlers(): HandlerRegistry {
  return {
    "wecom.message": wecomMessageHandler(sendWecomText),
  };
}
