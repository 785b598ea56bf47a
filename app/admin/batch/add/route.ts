// POST /admin/batch/add – make WeCom users admins, signing in by QR (legacy AdminController#batchAdd)
import { legacyRoute, okMessage } from "@/lib/http/legacy";
import { batchAddAdmins } from "@/lib/services/admins/batch-add-admins";
import { batchAddAdminsSchema } from "@/lib/validation/admin";

export const POST = legacyRoute({ auth: "super", schema: batchAddAdminsSchema }, async ({ admin, input }) => {
  await batchAddAdmins(admin, input);
  return okMessage("添加管理员成功");
});
