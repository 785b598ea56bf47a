// POST /api/series – book a recurring series: one booking per date, each through the single-booking rules (new)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { kickOutbox } from "@/lib/outbox/kick-outbox";
import { submitSeries } from "@/lib/services/series/submit-series";
import { seriesSubmitSchema } from "@/lib/validation/series";

export const dynamic = "force-dynamic";

export const POST = legacyRoute({ auth: "user", rateLimit: "submit", schema: seriesSubmitSchema }, async ({ input, user }) => {
  const result = await submitSeries({ ...input, userId: user.id });
  kickOutbox();
  return ok(result);
});
