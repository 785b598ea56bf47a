// POST /api/admin/campus/sync-departments – copy the platform's department tree now (new; super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { syncDepartmentsNow } from "@/lib/services/campus/sync-departments-now";

export const POST = legacyRoute({ auth: "super" }, async ({ admin }) => ok({ report: await syncDepartmentsNow(admin) }));
