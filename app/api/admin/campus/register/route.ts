// POST /api/admin/campus/register – 同步到校园平台: register our roles and menus on the platform, idempotent (new; super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { registerRolesAndMenus } from "@/lib/services/campus/register-roles-menus";

export const POST = legacyRoute({ auth: "super" }, async ({ admin }) => ok({ report: await registerRolesAndMenus(admin) }));
