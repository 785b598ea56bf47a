// Who is calling, re-checked on the Node runtime for every request. Route handlers and server components call these;
// the shapes are the contract the rest of the app relies on.
//
// One request decodes its session cookie once (no re-encryption, the key derived once per process: see
// ./session-token.ts) and reads the user and the admin from the database at most once each: memoised per request,
// with React `cache` in server components and per Request (or request headers) object.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { readSessionAdmin } from "@/lib/services/auth/read-session-admin";
import { readSessionUser } from "@/lib/services/auth/read-session-user";
import { sessionTokenOf, type SessionToken } from "./session-token";

export interface SessionUser {
  /** users.id (the legacy profile id). */
  id: number;
  /** WeCom userid. */
  userid: string;
}

export interface SessionAdmin {
  id: number;
  username: string;
  /** Super admin. Re-read from the database on every call: a demotion takes effect at once. */
  privileged: boolean;
}

interface RequestSession {
  token: Promise<SessionToken | null>;
  user?: Promise<SessionUser | null>;
  admin?: Promise<SessionAdmin | null>;
}

const byRequest = new WeakMap<object, RequestSession>();

function sessionOf(key: object, token: () => Promise<SessionToken | null>): RequestSession {
  let s = byRequest.get(key);
  if (!s) {
    s = { token: token() };
    byRequest.set(key, s);
  }
  return s;
}

/** The request's session: from its Cookie header in route handlers, from next/headers in server components. */
const currentSession = cache(async (req?: Request): Promise<RequestSession> => {
  if (req) return sessionOf(req, () => sessionTokenOf(req.headers.get("cookie")));
  const h = await headers();
  return sessionOf(h, () => sessionTokenOf(h.get("cookie")));
});

const userOf = (s: RequestSession) =>
  (s.user ??= s.token.then((t) => (t?.u ? readSessionUser(t.u.id, t.u.userid) : null)));
const adminOf = (s: RequestSession) =>
  (s.admin ??= s.token.then((t) => (t?.a ? readSessionAdmin(t.a.id, t.a.sv) : null)));

/**
 * The signed-in WeCom user as the database knows them now, or null (no cookie, an expired, tampered or forged one,
 * or a user removed or disabled since signing in).
 */
export const getSessionUser = cache(async (req?: Request): Promise<SessionUser | null> => userOf(await currentSession(req)));

/** The signed-in admin as the database knows it now, or null (no session, deleted admin, stale password version). */
export const getSessionAdmin = cache(async (req?: Request): Promise<SessionAdmin | null> => adminOf(await currentSession(req)));
