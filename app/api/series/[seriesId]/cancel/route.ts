// POST /api/series/{seriesId}/cancel – the booker cancels one date, this and the following ones, or all (new)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { cancelSeries } from "@/lib/services/series/cancel-series";
import { seriesCancelSchema } from "@/lib/validation/series";

export const dynamic = "force-dynamic";

export const POST = legacyRoute({ auth: "user", schema: seriesCancelSchema }, async ({ input, user }) =>
  ok(await cancelSeries(input.seriesId, user.id, input.scope, input.appointId)),
);
