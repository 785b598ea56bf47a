import type { HandlerRegistry } from "./types";
import { openApiEventHandler } from "./openapi-event";
import { wecomMessageHandler } from "./wecom-message";

// Every outbox topic and who delivers it. `campus.call` joins here when it exists; until then its messages simply
// wait, pending.
export function defaultHandlers(): HandlerRegistry {
  return {
    "wecom.message": wecomMessageHandler(),
    "openapi.event": openApiEventHandler,
  };
}
