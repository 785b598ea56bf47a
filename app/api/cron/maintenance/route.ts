// GET|POST /api/cron/maintenance – one maintenance run (expiry, auto-review, auto-clean, outbox); Bearer $CRON_SECRET
import { cronRoute } from "@/lib/http/cron";
import { runMaintenance } from "@/lib/jobs/run-maintenance";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const handler = cronRoute(async () => {
  const report = await runMaintenance();
  const failed = Object.values(report.steps ?? {}).some((s) => !s.ok);
  // A failed step answers 500 so that cron monitoring notices; the body still says what every step did.
  return { status: failed ? 500 : 200, body: report };
});

export const GET = handler;
export const POST = handler;
