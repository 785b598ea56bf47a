// POST /api/admin/review/series – approve or reject a recurring series as one, or some of its dates (new)
import { badInput } from "@/lib/errors";
import { legacyRoute, ok } from "@/lib/http/legacy";
import { kickOutbox } from "@/lib/outbox/kick-outbox";
import { reviewSeries } from "@/lib/services/series/review-series";
import { seriesReviewSchema } from "@/lib/validation/series";

export const dynamic = "force-dynamic";

export const POST = legacyRoute({ auth: "admin", schema: seriesReviewSchema }, async ({ input, admin }) => {
  if (input.action === "reject" && !input.checkInfo?.trim()) throw badInput("checkInfo", "不能为空");
  const report = await reviewSeries(
    { seriesId: input.seriesId, action: input.action, ids: input.ais, reason: input.checkInfo },
    { adminId: admin!.id, name: admin!.username },
  );
  kickOutbox();
  return ok(report);
});
