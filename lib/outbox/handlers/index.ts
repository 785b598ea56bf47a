import type { HandlerRegistry } from "./types";
import { openApiEventHandler } from "./openapi-event";
import { wecomMessageHandler } from "./wecom-message";
import { sendWecomText } from "./send-wecom-text";

// Every outbox topic and who delivers it. `campus.call` joins here when it exists; until then its messages simply
// wait, pending.
export function defaultHandlers(): HandlerRegistry {
  return {
    "wecom.message": wecomMessageHandler(sendWecomText),
    "openapi.event": openApiEventHandler,
  };
}
