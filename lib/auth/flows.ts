// The sign-in flows as HTTP exchanges (redirects, state cookies, error pages). Route files delegate here; the
// decisions about who may sign in are in lib/services/auth, reached through the providers of ./auth.ts.
import "server-only";
import { NextResponse } from "next/server";
import { oauthAuthorizeUrl, webLoginUrl } from "@/lib/clients/wecom/login-urls";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorPage } from "@/lib/http/error-page";
import { establishSession } from "./auth";
import { BASE_PATH } from "./auth.config";
import { appUrl, clearLoginState, isWecomClient, newLoginState, readLoginState, safeNext, type Via } from "./login-state";

const USER_CALLBACK = `${BASE_PATH}/auth`;
const ADMIN_CALLBACK = `${BASE_PATH}/admin/qrcode/login`;
export const ADMIN_LOGIN_PAGE = `${BASE_PATH}/admin/login`;

const startUrl = (next: string, extra: Record<string, string> = {}) =>
  `${BASE_PATH}/auth/start?${new URLSearchParams({ next, ...extra })}`;

/**
 * GET /auth/start: a fresh state bound to this browser, then WeCom. Inside the WeCom client (or via=oauth) the
 * OAuth authorize redirect; via=web the web login (QR); any other browser without `via` gets the sign-in page.
 */
export function startUserSignIn(req: Request): Response {
  const q = new URL(req.url).searchParams;
  const next = safeNext(q.get("next"));
  const asked = q.get("via");
  // In a demo (DEMO_LOGIN=1) the WeCom client also gets the demo sign-in page: the demo's corp is not a real one.
  const inClient = isWecomClient(req) && !env().DEMO_LOGIN;
  const via: Via | null = asked === "oauth" || asked === "web" ? asked : inClient ? "oauth" : null;
  if (!via) return NextResponse.redirect(appUrl(`${BASE_PATH}/signin?${new URLSearchParams({ next })}`), 302);
  const res = NextResponse.redirect("http://placeholder.invalid/", 302);
  const state = newLoginState(res, "user", { next, via, restarted: q.get("restarted") === "1" });
  res.headers.set("location", via === "oauth" ? oauthAuthorizeUrl(state, USER_CALLBACK) : webLoginUrl(state, USER_CALLBACK));
  return res;
}

/**
 * GET /auth?code&state (legacy E2). A state this browser did not start restarts the flow once with a fresh state
 * (a home URL configured in the WeCom console carries a fixed state) and never signs anyone in.
 */
export async function finishUserSignIn(req: Request): Promise<Response> {
  const q = new URL(req.url).searchParams;
  const code = q.get("code") ?? "";
  const state = q.get("state") ?? "";
  const saved = readLoginState(req, "user");
  const again = startUrl(saved?.next ?? BASE_PATH);

  if (!saved || !state || saved.state !== state) {
    if (saved?.restarted) {
      const res = errorPage(3001, { redirectUrl: again, redirectMsg: "重新登录" });
      return withClearedState(res, "user");
    }
    const via = saved?.via ?? (isWecomClient(req) ? "oauth" : undefined);
    const res = NextResponse.redirect(appUrl(startUrl(saved?.next ?? BASE_PATH, { restarted: "1", ...(via ? { via } : {}) })), 302);
    clearLoginState(res, "user");
    return res;
  }

  try {
    if (!code) throw new AppError(3001); // the person declined, or the redirect was tampered with
    await establishSession("wecom", { code });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return withClearedState(errorPage(e.code, { redirectUrl: again, redirectMsg: "重新登录" }), "user");
  }
  const res = NextResponse.redirect(appUrl(saved.next), 302);
  clearLoginState(res, "user");
  return res;
}

/** GET /admin/qrcode (legacy E19): WeCom web login with a fresh state. */
export function startAdminQrSignIn(): Response {
  const res = NextResponse.redirect("http://placeholder.invalid/", 302);
  const state = newLoginState(res, "admin", { next: `${BASE_PATH}/admin`, via: "web" });
  res.headers.set("location", webLoginUrl(state, ADMIN_CALLBACK));
  return res;
}

/** GET /admin/qrcode/login?code&state (legacy E20): 3001 / 3004 / 3002 / 1010 pages, else the dashboard. */
export async function finishAdminQrSignIn(req: Request): Promise<Response> {
  const q = new URL(req.url).searchParams;
  const code = q.get("code") ?? "";
  const state = q.get("state") ?? "";
  const saved = readLoginState(req, "admin");
  const back = { redirectUrl: ADMIN_LOGIN_PAGE, redirectMsg: "点击回到登录界面" };
  try {
    if (!code) throw new AppError(3001);
    if (!saved || saved.state !== state) throw new AppError(3004);
    await establishSession("admin-wecom", { code });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return withClearedState(errorPage(e.code, e.code === 3001 ? {} : back), "admin");
  }
  const res = NextResponse.redirect(appUrl(`${BASE_PATH}/admin`), 302);
  clearLoginState(res, "admin");
  return res;
}

function withClearedState(page: Response, kind: "user" | "admin"): Response {
  const res = new NextResponse(page.body, { status: page.status, headers: page.headers });
  clearLoginState(res, kind);
  return res;
}
