// GET /logout – end the admin identity only (a WeCom user identity stays), then the admin login page (legacy AdminController#logout)
import { NextResponse } from "next/server";
import { dropAdminIdentity } from "@/lib/auth/auth";
import { ADMIN_LOGIN_PAGE } from "@/lib/http/flows";
import { appUrl } from "@/lib/http/login-state";
import { AppError } from "@/lib/errors";
import { errorPage } from "@/lib/http/error-page";
import { assertSameOriginNavigation } from "@/lib/http/legacy";

export async function GET(req: Request) {
  // A state-changing GET: another site (an <img>, a link) must not be able to sign an admin out.
  try {
    assertSameOriginNavigation(req);
  } catch (e) {
    if (e instanceof AppError) return errorPage(e.code, { redirectUrl: "/meeting/admin", redirectMsg: "返回管理后台" });
    throw e;
  }
  await dropAdminIdentity();
  return NextResponse.redirect(appUrl(ADMIN_LOGIN_PAGE), 302);
}
