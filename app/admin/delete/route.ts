// POST /admin/delete – delete admins by id, all or nothing (legacy AdminController#delete)
import { legacyRoute, okMessage } from "@/lib/http/legacy";
import { deleteAdmins } from "@/lib/services/admins/delete-admins";
import { deleteAdminsSchema } from "@/lib/validation/admin";

export const POST = legacyRoute({ auth: "super", schema: deleteAdminsSchema }, async ({ admin, input }) => {
  await deleteAdmins(admin, input);
  return okMessage("删除管理员成功");
});
