// GET /api/health – liveness and database reachability (for load balancers and the test harness)
import { healthCheck } from "@/lib/services/system/health-check";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await healthCheck();
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
