// POST /auth/demo – demo sign-in as a seeded demo user, only when DEMO_LOGIN=1 (new)
import { NextResponse } from "next/server";
import { establishSession } from "@/lib/auth/auth";
import { appUrl, safeNext } from "@/lib/http/login-state";
import { legacyRoute } from "@/lib/http/legacy";
import { demoSignInSchema } from "@/lib/validation/auth";

export const POST = legacyRoute({ schema: demoSignInSchema }, async ({ input }) => {
  await establishSession("demo-user", { userid: input.userid });
  return NextResponse.redirect(appUrl(safeNext(input.next)), 303);
});
