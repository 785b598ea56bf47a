// The OAuth / web-login `state`, bound to the browser that started the sign-in by an httpOnly cookie
// (integrations §1.3: verify it before anything else). One cookie per kind of sign-in, single use, 10 minutes.
import "server-only";
import { randomBytes } from "node:crypto";
import type { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { BASE_PATH } from "./auth.config";

export type LoginKind = "user" | "admin";
export type Via = "oauth" | "web";

export interface LoginState {
  state: string;
  /** Where to go after signing in (a path under /meeting). */
  next: string;
  via?: Via;
  /** This attempt is already the one restart a mismatching state allows. */
  restarted?: boolean;
}

const cookieName = (kind: LoginKind) => `meeting.${kind}-login-state`;
const cookieOptions = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: BASE_PATH,
  secure: env().APP_URL.startsWith("https:"),
});

/**
 * Only paths of this app: never an absolute URL, a protocol-relative `//host`, a backslash trick, or a path that
 * leaves /meeting once dot segments are resolved (`/meeting/../..//evil.com` → `//evil.com`). The answer is the
 * normalised path, checked again after normalisation.
 */
export function safeNext(next: string | null | undefined, fallback: string = BASE_PATH): string {
  if (!next || next.length > 2048 || !next.startsWith(BASE_PATH) || /[\\\s\u0000-\u001f]/.test(next)) return fallback;
  if (next !== BASE_PATH && !next.startsWith(`${BASE_PATH}/`) && !next.startsWith(`${BASE_PATH}?`)) return fallback;
  try {
    const u = new URL(next, "http://x");
    if (u.host !== "x") return fallback;
    const path = u.pathname;
    if (path.startsWith("//") || (path !== BASE_PATH && !path.startsWith(`${BASE_PATH}/`))) return fallback;
    // Empty segments (`/meeting//x`) are collapsed so the result can never read as a protocol-relative URL.
    return `${path.replace(/\/{2,}/g, "/")}${u.search}`;
  } catch {
    return fallback;
  }
}

export function newLoginState(res: NextResponse, kind: LoginKind, s: Omit<LoginState, "state">): string {
  const state = randomBytes(16).toString("hex"); // [a-zA-Z0-9] only, as WeCom requires
  const value = Buffer.from(JSON.stringify({ ...s, state }), "utf8").toString("base64url");
  res.cookies.set(cookieName(kind), value, { ...cookieOptions(), maxAge: 600 });
  return state;
}

export function readLoginState(req: Request, kind: LoginKind): LoginState | null {
  const raw = req.headers
    .get("cookie")
    ?.split(/;\s*/)
    .find((c) => c.startsWith(`${cookieName(kind)}=`))
    ?.slice(cookieName(kind).length + 1);
  if (!raw) return null;
  try {
    const v = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as LoginState;
    if (typeof v.state !== "string" || !v.state) return null;
    return { state: v.state, next: safeNext(v.next), via: v.via === "oauth" || v.via === "web" ? v.via : undefined, restarted: v.restarted === true };
  } catch {
    return null;
  }
}

export function clearLoginState(res: NextResponse, kind: LoginKind) {
  res.cookies.set(cookieName(kind), "", { ...cookieOptions(), maxAge: 0 });
}

/** An absolute URL of this app for a redirect, built from APP_URL (never from the request's Host). */
export const appUrl = (path: string) => new URL(path, env().APP_URL);

export const isWecomClient = (req: Request) => /wxwork/i.test(req.headers.get("user-agent") ?? "");
