// GET /admin/all?page&size – every admin as a layui table; passwords are never returned (legacy AdminController#all)
import { layuiTable, legacyRoute } from "@/lib/http/legacy";
import { listAdmins } from "@/lib/services/admins/list-admins";
import { pagingSchema } from "@/lib/validation/paging";

export const GET = legacyRoute({ auth: "admin", schema: pagingSchema }, async ({ admin, input }) => {
  const { count, rows } = await listAdmins(admin, input);
  return layuiTable(count, rows);
});
