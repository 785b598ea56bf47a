// GET /api/admin/campus/check – connection check: one cheap read-only call to the API center (new; super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { checkCampusConnection } from "@/lib/services/campus/overview";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "super" }, async ({ admin }) => ok(await checkCampusConnection(admin)));
