// GET /check/all – the review queue, first submitted first, as a layui table (legacy CheckController#all)
import { layuiTable, legacyRoute } from "@/lib/http/legacy";
import { legacyCheckView } from "@/lib/http/legacy-views";
import { listPendingReview } from "@/lib/services/review/list-pending-review";
import { pageSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin", schema: pageSchema }, async ({ input }) => {
  const { count, rows } = await listPendingReview(input.page, input.size);
  return layuiTable(count, rows.map(legacyCheckView));
});
