// POST /login – admin password sign-in, throttled (legacy AdminController#login)
import { establishSession } from "@/lib/auth/auth";
import { legacyRoute } from "@/lib/http/legacy";
import { loginSchema } from "@/lib/validation/auth";

export const POST = legacyRoute({ schema: loginSchema }, async ({ input }) => {
  await establishSession("admin-password", { username: input.username, password: input.password });
  return { errcode: 0, errmsg: "登录成功" };
});
