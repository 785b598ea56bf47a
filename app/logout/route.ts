// GET /logout – end the admin identity only (a WeCom user identity stays), then the admin login page (legacy AdminController#logout)
import { NextResponse } from "next/server";
import { dropAdminIdentity } from "@/lib/auth/auth";
import { ADMIN_LOGIN_PAGE } from "@/lib/auth/flows";
import { appUrl } from "@/lib/auth/login-state";

export async function GET() {
  await dropAdminIdentity();
  return NextResponse.redirect(appUrl(ADMIN_LOGIN_PAGE), 302);
}
