import "server-only";
import type { HandlerRegistry } from "./types";
import { campusCallHandler } from "./campus-call";
import { openApiEventHandler } from "./openapi-event";
import { wecomMessageHandler } from "./wecom-message";

// Every outbox topic and who delivers it.
export function defaultHandlers(): HandlerRegistry {
  return {
    "wecom.message": wecomMessageHandler(),
    "openapi.event": openApiEventHandler,
    "campus.call": campusCallHandler,
  };
}
