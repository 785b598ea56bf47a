// GET /api/health – liveness and database reachability (for load balancers and the test harness)
import { isCronAuthorized } from "@/lib/http/cron";
import { healthCheck } from "@/lib/services/system/health-check";

export const dynamic = "force-dynamic";

export async function GET(req?: Request) {
  const report = await healthCheck();
  if (!report.ok && !report.error) console.error(`[meeting] health check: ${report.problems?.join("; ")}`);
  if (report.error) {
    console.error(`[meeting] health check failed: ${report.error}`);
    // Connection strings, host names and configuration errors are for the log (and the cron secret's holder),
    // never for anonymous callers.
    let detailed = false;
    try {
      detailed = req ? isCronAuthorized(req) : false;
    } catch {
      detailed = false; // the configuration itself is broken
    }
    if (!detailed) report.error = "database unavailable";
  }
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
