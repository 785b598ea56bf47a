import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { SessionAdmin, SessionUser } from "@/lib/auth/identity";
import { getSessionAdmin, getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError, badInput, E, FIELD_HEADER, MESSAGES, type ErrorCode } from "@/lib/errors";
import { assertWithinBudget, type Budget } from "@/lib/services/rate-limit/assert-within-budget";
import { setRequestActor } from "@/lib/request-context";
import { clientAddress } from "./client-address";
import { adminActor, legacyChannel, userActor, withRequestContext } from "./context";
import { errorPage } from "./error-page";
import { BodyTooLargeError } from "./body-limit";
import { BodyParseError, readParams, type Params } from "./params";
import { describeZodError } from "./zod";
import { describeUnavailable, isDatabaseUnavailable, unavailableHeaders } from "./unavailable";

// The legacy envelope {errcode, errmsg}, HTTP 200 for application errors (legacy-behaviour A2). The only place
// that builds it, together with layui tables {code, msg, count, data}.

export type LegacyAuth = "public" | "user" | "admin" | "super";

/**
 * Who the handler acts for, as its `auth` option guarantees: a "user" endpoint always has its user, an "admin" or
 * "super" endpoint its admin. (The user of other endpoints is known only when a rate limit counts per user.)
 */
export type LegacyActors<A extends LegacyAuth> = A extends "user"
  ? { user: SessionUser; admin: null }
  : A extends "admin" | "super"
    ? { user: SessionUser | null; admin: SessionAdmin }
    : { user: SessionUser | null; admin: null };

export type LegacyContext<I, A extends LegacyAuth = LegacyAuth> = {
  req: Request;
  input: I;
  params: Params;
} & LegacyActors<A>;

type Handler<I, A extends LegacyAuth> = (ctx: LegacyContext<I, A>) => Promise<Response | object>;

interface Options<S extends z.ZodType, A extends LegacyAuth> {
  auth?: A;
  /** Parses query + body (+ path params, which win over same-named query/body values). */
  schema?: S;
  /** State-changing GET (legacy /appointment/cancel): refuse cross-site navigations too. */
  stateChangingGet?: boolean;
  /**
   * Count the request against a rate-limit budget (4003), per signed-in user or else per client address. Checked
   * before authentication, as the legacy did.
   */
  rateLimit?: Budget;
  /**
   * Browser navigations (legacy /rooms/download): application errors are answered with the HTML error page
   * (legacy ERRPAGE) instead of JSON, with this optional link.
   */
  htmlErrors?: { redirectUrl?: string; redirectMsg?: string };
  /** Parameters whose bad values have their own legacy code instead of 4002 (e.g. `ais` → 2007). */
  errorCodes?: Record<string, ErrorCode>;
}

export function ok<T extends object>(extra?: T) {
  return { errcode: 0, errmsg: "ok", ...(extra ?? ({} as T)) };
}

/**
 * Success carrying one list given as JSON bytes already (`{"errcode":0,"errmsg":"ok","<field>":<json>}`): for big
 * lists answered often (every free room of a search), built from cached bytes instead of serialised each time.
 */
export function okWithJsonList(field: string, json: Buffer): Response {
  const head = Buffer.from(`{"errcode":0,"errmsg":"ok",${JSON.stringify(field)}:`);
  return new Response(Buffer.concat([head, json, Buffer.from("}")]), { headers: { "content-type": "application/json" } });
}

/** Success with the legacy front end's own message in errmsg (e.g. "添加管理员成功", or the avatar URL of /profile/upload). */
export function okMessage(errmsg: string) {
  return ok({ errmsg });
}

export function layuiTable<T>(count: number, data: T[]) {
  return { code: 0, msg: "", count, data };
}

/** The layui uploader's envelope (legacy /rooms/upload): success carries the file name. */
export function layuiUpload(msg: string, filename: string) {
  return { code: 0, msg, data: { filename } };
}

export function layuiUploadFailed(e: AppError) {
  return NextResponse.json({ code: e.code, msg: e.message });
}

/**
 * Wraps a legacy route handler: CSRF check, authentication, parameter parsing, error mapping.
 * `routeParams` is Next's second handler argument (dynamic path segments).
 */
export function legacyRoute<S extends z.ZodType = z.ZodType<Record<string, never>>, A extends LegacyAuth = "public">(
  opts: Options<S, A>,
  handler: Handler<z.infer<S>, A>,
) {
  return (req: Request, routeCtx?: { params?: Promise<Record<string, string | string[]>> }) =>
    withRequestContext(req, legacyChannel(req), () => handleLegacy(opts, handler, req, routeCtx));
}

async function handleLegacy<S extends z.ZodType, A extends LegacyAuth>(
  opts: Options<S, A>,
  handler: Handler<z.infer<S>, A>,
  req: Request,
  routeCtx?: { params?: Promise<Record<string, string | string[]>> },
): Promise<Response> {
  {
    try {
      if (opts.stateChangingGet) assertSameOriginNavigation(req);
      else if (req.method !== "GET" && req.method !== "HEAD") assertSameOrigin(req);
      const auth: LegacyAuth = opts.auth ?? "public";
      const user = auth === "user" || opts.rateLimit ? await getSessionUser(req) : null;
      if (opts.rateLimit) await assertWithinBudget(opts.rateLimit, user ? `user:${user.id}` : `ip:${clientAddress(req.headers)}`);
      if (auth === "user" && !user) throw new AppError(E.USER_SIGN_IN_NEEDED);
      const admin = auth === "admin" || auth === "super" ? await getSessionAdmin(req) : null;
      if ((auth === "admin" || auth === "super") && !admin) throw new AppError(E.ADMIN_SIGN_IN_NEEDED);
      if (auth === "super" && !admin?.privileged) throw new AppError(E.NOT_SUPER_ADMIN);
      // The audit trail's actor: the identity this endpoint authenticated (an admin endpoint acts as the admin).
      if (admin) setRequestActor(adminActor(admin));
      else if (user) setRequestActor(userActor(user));

      let params: Params;
      try {
        params = await readParams(req);
      } catch (e) {
        if (e instanceof BodyParseError) throw badInput("body", "请求体无法解析");
        if (e instanceof BodyTooLargeError) throw badInput("body", e.message);
        throw e;
      }
      const path = (await routeCtx?.params) ?? {};
      const merged: Params = { ...params };
      for (const [k, v] of Object.entries(path)) merged[k] = Array.isArray(v) ? v.join("/") : v;
      assertParamSizes(merged);
      const input = opts.schema ? parseParams(opts.schema, merged, opts.errorCodes) : (merged as unknown as z.infer<S>);
      // The checks above make the actors what LegacyActors<A> promises.
      const result = await handler({ req, input, params: merged, user, admin } as unknown as LegacyContext<z.infer<S>, A>);
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (e) {
      if (opts.htmlErrors && e instanceof AppError && !asksForJson(req)) return errorPage(e.code, { message: e.message, ...opts.htmlErrors });
      return legacyErrorResponse(e, req);
    }
  }
}

/** No text parameter of any legacy endpoint is longer than this (each schema may set a lower maximum). */
export const MAX_PARAM_CHARS = 4000;
/** Nor has any list parameter more items. */
export const MAX_PARAM_ITEMS = 1000;

/** The backstop for every text input: over-long values are 4002 naming the field, whatever the schema says. */
export function assertParamSizes(params: Params) {
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === "string" && v.length > MAX_PARAM_CHARS) throw badInput(k, `不能超过${MAX_PARAM_CHARS}个字符`);
    if (Array.isArray(v)) {
      if (v.length > MAX_PARAM_ITEMS) throw badInput(k, `不能超过${MAX_PARAM_ITEMS}项`);
      if (v.some((item) => item.length > MAX_PARAM_CHARS)) throw badInput(k, `不能超过${MAX_PARAM_CHARS}个字符`);
    }
  }
}

/** Parses parameters with a schema: 4002 naming the field, or the field's own code from `errorCodes`. */
export function parseParams<S extends z.ZodType>(schema: S, params: Params, errorCodes?: Record<string, ErrorCode>): z.infer<S> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const { field, why } = describeZodError(parsed.error, params);
  const own = errorCodes?.[field.split(".")[0]];
  if (own) throw new AppError(own);
  throw badInput(field, why);
}

/**
 * A caller that asks for JSON first (our pages' fetch client) gets errors as the envelope even from endpoints that
 * answer browser navigations with the HTML error page (`htmlErrors`).
 */
const asksForJson = (req: Request) => (req.headers.get("accept") ?? "").trim().toLowerCase().startsWith("application/json");

/**
 * The field at fault (4002 bad input, 4040 unknown id) is named in the FIELD_HEADER response header for our own pages.
 * The envelope stays exactly `{errcode, errmsg}` (legacy-behaviour A2: other clients and the contract tests compare
 * it whole), so the field travels beside it instead of in an extra key.
 */
export function legacyErrorResponse(e: unknown, req: Request): Response {
  if (e instanceof AppError) {
    const headers = e.field && /^[A-Za-z0-9_.[\]]{1,100}$/.test(e.field) ? { [FIELD_HEADER]: e.field } : undefined;
    return NextResponse.json({ errcode: e.code, errmsg: e.message }, { headers });
  }
  if (isDatabaseUnavailable(e)) {
    console.error(`[meeting] ${req.method} ${new URL(req.url).pathname}: database unavailable (${describeUnavailable(e)})`);
    return NextResponse.json({ errcode: 5000, errmsg: MESSAGES[5000] }, { status: 503, headers: unavailableHeaders() });
  }
  console.error(`[meeting] ${req.method} ${new URL(req.url).pathname} failed:`, e);
  return NextResponse.json({ errcode: 5000, errmsg: MESSAGES[5000] }, { status: 500 });
}

/** The origins this app answers as: APP_URL's, and the one the request was addressed to. */
const ownOrigins = (req: Request) => new Set([new URL(env().APP_URL).origin, new URL(req.url).origin]);

/**
 * A GET that changes state (legacy /appointment/cancel/{id}, /rooms/set, /logout) must prove it comes from our own
 * pages: `Sec-Fetch-Site: same-origin`, or — from a browser without fetch metadata, or a legacy front end on our
 * origin — an `Origin` or `Referer` of our origin. A cross-site link, an <img>, a typed or bookmarked URL and a
 * client that sends none of these cannot change anything (4005).
 */
export function assertSameOriginNavigation(req: Request) {
  const site = req.headers.get("sec-fetch-site");
  if (site === "same-origin") return;
  if (site) throw new AppError(E.CROSS_SITE); // cross-site, same-site, none (typed, bookmarked)
  const own = ownOrigins(req);
  const origin = req.headers.get("origin");
  if (origin) {
    if (own.has(origin)) return;
    throw new AppError(E.CROSS_SITE); // another origin, or "null" (sandboxed frames, redirects across sites)
  }
  const referer = req.headers.get("referer");
  if (referer) {
    try {
      if (own.has(new URL(referer).origin)) return;
    } catch {
      /* not a URL */
    }
  }
  throw new AppError(E.CROSS_SITE);
}

/**
 * Browsers tell us where a request comes from (Sec-Fetch-Site, Origin). A cross-site request may carry the
 * session cookie (top-level GET with SameSite=Lax) but must never change state. Non-browser clients send neither
 * header and are allowed: they cannot ride on a victim's cookies.
 */
export function assertSameOrigin(req: Request) {
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") throw new AppError(E.CROSS_SITE);
  const origin = req.headers.get("origin");
  if (origin && origin !== "null") {
    if (!ownOrigins(req).has(origin)) throw new AppError(E.CROSS_SITE);
  } else if (origin === "null") {
    throw new AppError(E.CROSS_SITE);
  }
}
