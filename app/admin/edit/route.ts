// POST /admin/edit – edit an admin by id (legacy AdminController#edit, without its takeover bug)
import { legacyRoute, okMessage } from "@/lib/http/legacy";
import { editAdmin } from "@/lib/services/admins/edit-admin";
import { editAdminSchema } from "@/lib/validation/admin";

export const POST = legacyRoute({ auth: "admin", schema: editAdminSchema }, async ({ admin, input }) => {
  await editAdmin(admin, input);
  return okMessage("修改管理员成功");
});
