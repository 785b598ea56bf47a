// POST /login – admin password sign-in, throttled (legacy AdminController#login)
import { establishSession } from "@/lib/auth/auth";
import { legacyRoute, okMessage } from "@/lib/http/legacy";
import { loginSchema } from "@/lib/validation/auth";

export const POST = legacyRoute({ schema: loginSchema }, async ({ input }) => {
  await establishSession("admin-password", { username: input.username, password: input.password });
  return okMessage("登录成功");
});
