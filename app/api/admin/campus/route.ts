// GET /api/admin/campus – the 校园平台 console page's state (new; super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { getCampusOverview } from "@/lib/services/campus/overview";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "super" }, async ({ admin }) => ok(await getCampusOverview(admin)));
