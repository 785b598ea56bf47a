// GET /api/admin/dashboard – console charts: submissions per day, room utilization, review queue, deliveries (new)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { getDashboardCharts } from "@/lib/services/dashboard/get-dashboard-charts";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin" }, async ({ admin }) => ok(await getDashboardCharts(admin)));
