// POST /admin/add – create an admin with a password (legacy AdminController#add)
import { legacyRoute, okMessage } from "@/lib/http/legacy";
import { addAdmin } from "@/lib/services/admins/add-admin";
import { addAdminSchema } from "@/lib/validation/admin";

export const POST = legacyRoute({ auth: "super", schema: addAdminSchema }, async ({ admin, input }) => {
  await addAdmin(admin, input);
  return okMessage("添加管理员成功");
});
