// Edge middleware: gates page paths by role from the signed session cookie. Never imports lib/db; the Node side
// re-checks everything against the database. JSON endpoints are never redirected (see lib/auth/access-rules.ts).
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { gateFor } from "@/lib/auth/access-rules";
import { authConfig, BASE_PATH } from "@/lib/auth/auth.config";
import { env } from "@/lib/env";
import { hasBrokenEncoding, malformedPathResponse, wantsJson } from "@/lib/http/unknown-path";

const { auth } = NextAuth(() => authConfig());

// With a lazy config, `auth(handler)` resolves to the wrapped handler (a promise): await it once.
const gated = auth((req) => {
  const path = req.nextUrl.pathname || "/"; // the bare base path arrives as ""
  const gate = gateFor(req.method, path);
  if (gate === "none") return NextResponse.next();
  const session = req.auth;
  // Redirects are built from APP_URL, never from the request's Host header.
  const to = (path: string) => NextResponse.redirect(new URL(path, env().APP_URL), 302);
  // The home page's canonical URL is /meeting (Next drops the trailing slash).
  const wanted = `${BASE_PATH}${path === "/" ? "" : path}${req.nextUrl.search}`;
  const signIn = (next: string) => to(`${BASE_PATH}/auth/start?${new URLSearchParams({ next })}`);

  switch (gate) {
    case "index":
      return session?.wecom ? to(BASE_PATH) : signIn(BASE_PATH);
    case "user":
      return session?.wecom ? NextResponse.next() : signIn(wanted);
    case "userOrAdmin":
      return session?.wecom || session?.admin ? NextResponse.next() : signIn(wanted);
    case "admin":
    case "super":
      if (!session?.admin) return to(`${BASE_PATH}/admin/login?${new URLSearchParams({ next: wanted })}`);
      if (gate === "super" && !session.admin.privileged) return to(`${BASE_PATH}/admin`);
      return NextResponse.next();
  }
});

export default async function middleware(req: NextRequest, ev: NextFetchEvent) {
  // Broken percent-encoding in a path (`/history/%ZZ`) would make Next's router fail with a bare 500 before any
  // route runs: answer it here — 4002 in the endpoint's envelope for JSON, the 404 page for browsers.
  const rawPath = req.nextUrl.pathname || "/";
  if (hasBrokenEncoding(rawPath)) {
    if (wantsJson(rawPath, req.headers.get("accept"))) return malformedPathResponse(rawPath);
    const url = req.nextUrl.clone();
    url.pathname = "/_malformed-path";
    url.search = "";
    return NextResponse.rewrite(url);
  }
  const res = (await (await gated)(req, ev as never)) ?? NextResponse.next();
  // The middleware only reads the session; it never writes cookies. Auth.js would re-issue the session cookie here
  // (sliding expiry), but a re-issued copy from a request still in flight (a link prefetch, a polling query) can
  // land after /logout or a sign-in and resurrect the old identity. Sessions therefore last a fixed time from
  // sign-in; only the routes that sign in or out set the cookie.
  res.headers.delete("set-cookie");
  return res;
}

export const config = {
  // Written without the /meeting base path. Static assets, Auth.js, the health check and the cron entry (machine
  // callers with their own bearer secret) are left alone.
  matcher: ["/", "/((?!_next/static|_next/image|favicon.ico|api/health|api/auth|api/cron).*)"],
};
