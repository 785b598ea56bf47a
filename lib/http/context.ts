import "server-only";
import { runWithRequestContext, type Channel, type RequestContext } from "@/lib/request-context";
import { clientAddress } from "./client-address";

// How the HTTP adapters fill the request context (lib/request-context.ts) that `recordAudit` reads: the door a
// request came through, the caller's address and user agent, and — once authenticated — who it is. Set once per
// request here; services never see a Request.

const BASE = "/meeting";

export interface HeaderSource {
  get(name: string): string | null;
}

export function contextFromHeaders(headers: HeaderSource, channel: Channel): RequestContext {
  return {
    channel,
    clientAddress: displayAddress(clientAddress(headers as Headers)),
    userAgent: headers.get("user-agent"),
  };
}

/** The address as the log shows it: none when unknown; an IPv4 client on a dual-stack socket (::ffff:a.b.c.d) as IPv4. */
export function displayAddress(address: string | null | undefined): string | null {
  if (!address || address === "unknown") return null;
  return /^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(address) ? address.slice(7) : address;
}

/** Runs `fn` (the whole handler) with this request's context. */
export function withRequestContext<T>(req: Request, channel: Channel, fn: () => Promise<T>): Promise<T> {
  return runWithRequestContext(contextFromHeaders(req.headers, channel), fn);
}

/**
 * Which door a call to a legacy endpoint came through. The console's own views (`/api/admin/*`) are the console;
 * the legacy paths are shared by the legacy clients and our own pages, which browsers tell apart for us: a
 * same-origin fetch (Sec-Fetch-Site, which page scripts cannot set) from a console page (`/meeting/admin…`) is the
 * console, from any other page of ours a user page; everything else (apps, scripts, the old front end) is the
 * legacy API.
 */
export function legacyChannel(req: Request): Channel {
  // Route handlers may see the URL with or without the base path, depending on how the request reached them.
  const full = new URL(req.url).pathname;
  const path = full === BASE || full.startsWith(`${BASE}/`) ? full.slice(BASE.length) : full;
  if (path === "/api/admin" || path.startsWith("/api/admin/")) return "console";
  if (req.headers.get("sec-fetch-site") !== "same-origin") return "legacy";
  let from: URL;
  try {
    from = new URL(req.headers.get("referer") ?? "");
  } catch {
    return "legacy";
  }
  if (from.origin !== new URL(req.url).origin && !isAppOrigin(from.origin, req)) return "legacy";
  const p = from.pathname;
  if (p === `${BASE}/admin` || p.startsWith(`${BASE}/admin/`) || p.startsWith(`${BASE}/manage/`)) return "console";
  if (p === BASE || p.startsWith(`${BASE}/`)) return "page";
  return "legacy";
}

function isAppOrigin(origin: string, req: Request): boolean {
  // Behind a proxy the request URL's origin may be the internal one; the Host header names the public one.
  const host = req.headers.get("host");
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export { adminActor, userActor } from "@/lib/request-context";
