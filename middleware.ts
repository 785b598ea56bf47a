// Edge middleware: security headers (with a fresh CSP nonce) on every response, and the page gate by role from the
// signed session cookie. Never imports lib/db; the Node side re-checks everything against the database. JSON
// endpoints are never redirected (see lib/auth/access-rules.ts), and for them the cookie is not even decrypted:
// only gated page navigations read the session (decrypt only, never re-encrypt; see lib/auth/session-token.ts).
// The middleware never writes cookies: a re-issued session from a request still in flight (a link prefetch, a
// polling query) could land after /logout or a sign-in and resurrect the old identity. Sessions last a fixed
// time from sign-in; only the routes that sign in or out set the cookie.
import { NextResponse, type NextRequest } from "next/server";
import { gateFor, type Gate } from "@/lib/auth/access-rules";
import { BASE_PATH } from "@/lib/auth/auth.config";
import { sessionTokenOf } from "@/lib/auth/session-token";
import { env } from "@/lib/env";
import { hasBrokenEncoding, malformedPathResponse, wantsJson } from "@/lib/http/unknown-path";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "@/lib/http/security-headers";

async function gate(req: NextRequest, gate: Gate): Promise<NextResponse | null> {
  if (gate === "none") return null;
  const path = req.nextUrl.pathname || "/"; // the bare base path arrives as ""
  const session = await sessionTokenOf(req.headers.get("cookie"));
  // Redirects are built from APP_URL, never from the request's Host header.
  const to = (p: string) => NextResponse.redirect(new URL(p, env().APP_URL), 302);
  // The home page's canonical URL is /meeting (Next drops the trailing slash).
  const wanted = `${BASE_PATH}${path === "/" ? "" : path}${req.nextUrl.search}`;
  const signIn = (next: string) => to(`${BASE_PATH}/auth/start?${new URLSearchParams({ next })}`);

  switch (gate) {
    case "index":
      return session?.u ? to(BASE_PATH) : signIn(BASE_PATH);
    case "user":
      return session?.u ? null : signIn(wanted);
    case "userOrAdmin":
      return session?.u || session?.a ? null : signIn(wanted);
    case "admin":
    case "super":
      if (!session?.a) return to(`${BASE_PATH}/admin/login?${new URLSearchParams({ next: wanted })}`);
      if (gate === "super" && !session.a.privileged) return to(`${BASE_PATH}/admin`);
      return null;
  }
}

export default async function middleware(req: NextRequest) {
  const e = env();
  const https = e.APP_URL.startsWith("https:");
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: e.NODE_ENV === "development", https });
  const withNonce = () => {
    const headers = new Headers(req.headers);
    headers.set("x-nonce", nonce);
    headers.set("content-security-policy", csp); // Next takes the nonce for its scripts from here
    return { request: { headers } };
  };

  let res: NextResponse;
  // Broken percent-encoding in a path (`/history/%ZZ`) would make Next's router fail with a bare 500 before any
  // route runs: answer it here — 4002 in the endpoint's envelope for JSON, the 404 page for browsers.
  const rawPath = req.nextUrl.pathname || "/";
  if (hasBrokenEncoding(rawPath)) {
    if (wantsJson(rawPath, req.headers.get("accept"))) {
      const r = malformedPathResponse(rawPath);
      res = new NextResponse(r.body, { status: r.status, headers: r.headers });
    }
    else {
      const url = req.nextUrl.clone();
      url.pathname = "/_malformed-path";
      url.search = "";
      res = NextResponse.rewrite(url, withNonce());
    }
  } else {
    const redirect = await gate(req, gateFor(req.method, rawPath));
    res = redirect ?? NextResponse.next(withNonce());
  }
  res.headers.set("content-security-policy", csp);
  for (const [k, v] of Object.entries(staticSecurityHeaders(https))) res.headers.set(k, v);
  res.headers.delete("set-cookie");
  return res;
}

export const config = {
  // Written without the /meeting base path. Everything but Next's hashed static assets (which get the static
  // headers from next.config.mjs): JSON endpoints, the health check and the cron entry carry the headers too.
  matcher: ["/", "/((?!_next/static|_next/image).*)"],
};
