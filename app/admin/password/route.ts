// POST /admin/password – change one's own password; ends every session of this admin (legacy AdminController#password)
import { dropAdminIdentity } from "@/lib/auth/auth";
import { legacyRoute, okMessage } from "@/lib/http/legacy";
import { changeOwnPassword } from "@/lib/services/admins/change-own-password";
import { changePasswordSchema } from "@/lib/validation/auth";

export const POST = legacyRoute({ auth: "admin", schema: changePasswordSchema }, async ({ input, admin }) => {
  await changeOwnPassword(admin.id, input.password);
  await dropAdminIdentity();
  return okMessage("修改密码成功");
});
