import { AsyncLocalStorage } from "node:async_hooks";

// Who is calling and through which door, for the duration of one request (or one maintenance run). Set once by the
// HTTP adapters (lib/http: legacyRoute, openRoute, server actions) and by the maintenance run; read by
// `recordAudit` so services record the caller without threading it through every signature. Services still take
// the actor they authorise explicitly; this only supplies what a service cannot know (address, user agent, channel).

export type Channel = "page" | "legacy" | "openapi" | "console" | "maintenance";
export type ActorKind = "user" | "admin" | "openapi" | "system" | "anonymous";

export interface Actor {
  kind: ActorKind;
  id: string | number | null;
  name: string | null;
}

/** An admin as the audit trail records them (the one way to name an admin actor). */
export const adminActor = (a: { id: number; username: string }): Actor => ({ kind: "admin", id: a.id, name: a.username });
/** A user as the audit trail records them; without a name (a session token carries only ids) recordAudit looks it up. */
export const userActor = (u: { id: number; name?: string | null }): Actor => ({ kind: "user", id: u.id, name: u.name ?? null });

export interface RequestContext {
  channel: Channel;
  clientAddress?: string | null;
  userAgent?: string | null;
  /** The authenticated caller, when the adapter knows it. */
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Fills in the caller once the adapter has authenticated it (the context object is per request). */
export function setRequestActor(actor: Actor) {
  const ctx = storage.getStore();
  if (ctx) ctx.actor = actor;
}
