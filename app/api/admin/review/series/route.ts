// POST /api/admin/review/series – approve or reject a recurring series as one, or some of its dates (new)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { reviewSeriesAsAdmin } from "@/lib/services/review/review-as-admin";
import { seriesReviewSchema } from "@/lib/validation/series";

export const dynamic = "force-dynamic";

export const POST = legacyRoute({ auth: "admin", schema: seriesReviewSchema }, async ({ input, admin }) =>
  ok(await reviewSeriesAsAdmin(admin, { seriesId: input.seriesId, action: input.action, ids: input.ais, reason: input.checkInfo })),
);
