// GET /api/admin/review – pending requests oldest first with their conflicts, filterable by room and date (new)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { listReviewQueue } from "@/lib/services/review/list-review-queue";
import { reviewQueueSchema } from "@/lib/validation/review-queue";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin", schema: reviewQueueSchema }, async ({ admin, input }) =>
  ok(await listReviewQueue(admin, input)),
);
