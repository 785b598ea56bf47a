// Edge middleware: gates page paths by role from the signed session cookie. Never imports lib/db; the Node side
// re-checks everything against the database. JSON endpoints are never redirected (see lib/auth/access-rules.ts).
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { gateFor } from "@/lib/auth/access-rules";
import { authConfig, BASE_PATH } from "@/lib/auth/auth.config";
import { env } from "@/lib/env";

const { auth } = NextAuth(() => authConfig());

export default auth((req) => {
  const gate = gateFor(req.method, req.nextUrl.pathname);
  if (gate === "none") return NextResponse.next();
  const session = req.auth;
  // Redirects are built from APP_URL, never from the request's Host header.
  const to = (path: string) => NextResponse.redirect(new URL(path, env().APP_URL), 302);
  const wanted = `${BASE_PATH}${req.nextUrl.pathname === "/" ? "/" : req.nextUrl.pathname}${req.nextUrl.search}`;
  const signIn = (next: string) => to(`${BASE_PATH}/auth/start?${new URLSearchParams({ next })}`);

  switch (gate) {
    case "index":
      return session?.wecom ? to(`${BASE_PATH}/`) : signIn(`${BASE_PATH}/`);
    case "user":
      return session?.wecom ? NextResponse.next() : signIn(wanted);
    case "admin":
    case "super":
      if (!session?.admin) return to(`${BASE_PATH}/admin/login?${new URLSearchParams({ next: wanted })}`);
      if (gate === "super" && !session.admin.privileged) return to(`${BASE_PATH}/admin`);
      return NextResponse.next();
  }
});

export const config = {
  // Written without the /meeting base path. Static assets, Auth.js and the health check are left alone.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/health|api/auth).*)"],
};
