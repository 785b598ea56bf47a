// Auth.js configuration shared by the edge middleware and the Node side: JWT sessions in one cookie scoped to
// /meeting. Edge-safe: no database, no Node APIs. The providers (which need the database) live in ./auth.ts.
import "server-only";
import type { NextAuthConfig } from "next-auth";
import { authSecret, env } from "@/lib/env";
import type { Identity, TokenAdmin, TokenUser } from "./identity";

declare module "next-auth" {
  interface User {
    /** Both identities after this sign-in: the one just proven plus whatever the browser already held. */
    identity?: Identity;
  }
  interface Session {
    wecom: TokenUser | null;
    admin: TokenAdmin | null;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    u?: TokenUser;
    a?: TokenAdmin;
  }
}

/** Idle lifetime: every authenticated request re-issues the cookie, so a session ends after this long unused. */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

export const BASE_PATH = "/meeting";

const secureCookies = () => env().APP_URL.startsWith("https:");

/** The session cookie's name (also the JWT encryption salt). */
export const sessionCookieName = () => (secureCookies() ? "__Secure-meeting.session" : "meeting.session");

/** What Auth.js errors are expected in normal operation (a bad cookie, a refused sign-in) and not worth a log line. */
const QUIET = new Set(["JWTSessionError", "CredentialsSignin", "CallbackRouteError"]);

export function authConfig(): NextAuthConfig {
  const cookieOptions = { httpOnly: true, sameSite: "lax" as const, path: BASE_PATH, secure: secureCookies() };
  return {
    // Auth.js's own HTTP endpoints are not mounted (sign-in goes through our legacy routes); the base path only
    // names its internal action URLs.
    basePath: `${BASE_PATH}/api/auth`,
    trustHost: true,
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    cookies: {
      sessionToken: { name: sessionCookieName(), options: cookieOptions },
      callbackUrl: { name: "meeting.auth-callback", options: cookieOptions },
      csrfToken: { name: "meeting.auth-csrf", options: cookieOptions },
    },
    pages: { signIn: `${BASE_PATH}/signin` },
    providers: [],
    logger: {
      error(e: Error) {
        // `type` survives minification, `name` does not.
        if (!QUIET.has((e as { type?: string }).type ?? e.name)) console.error("[auth]", e);
      },
    },
    callbacks: {
      jwt({ token, user, trigger, session }) {
        if (trigger === "signIn" && user?.identity) {
          // A brand-new token (new jti, iat): the session is rotated at every sign-in.
          const next: typeof token = {};
          if (user.identity.user) next.u = user.identity.user;
          if (user.identity.admin) next.a = user.identity.admin;
          return next;
        }
        if (trigger === "update" && session && (session as { dropAdmin?: boolean }).dropAdmin) {
          const { a: _dropped, ...rest } = token;
          return rest.u ? rest : null; // nothing left: the cookie is removed
        }
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, wecom: token.u ?? null, admin: token.a ?? null } as typeof session;
      },
    },
  };
}
