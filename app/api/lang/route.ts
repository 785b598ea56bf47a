// GET /api/lang?to=en|zh – remember the page language in a cookie and go back to the page the link was on (new)
import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { LANG_COOKIE } from "@/lib/i18n/locale";
import { backPath } from "@/lib/i18n/back-path";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  const to = new URL(req.url).searchParams.get("to") === "en" ? "en" : "zh";
  const res = NextResponse.redirect(new URL(backPath(req.headers.get("referer"), env().APP_URL), env().APP_URL), 303);
  res.cookies.set(LANG_COOKIE, to, { path: "/meeting", maxAge: 31_536_000, sameSite: "lax", httpOnly: false });
  return res;
}
