// GET /api/admin/reports?from=&to= – utilization, heat map, no-show rate, statuses, busiest rooms, cancellations
import { legacyRoute, ok } from "@/lib/http/legacy";
import { getReport } from "@/lib/services/reports/get-report";
import { reportSchema } from "@/lib/validation/console";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin", schema: reportSchema }, async ({ admin, input }) => ok({ report: await getReport(admin, input) }));
