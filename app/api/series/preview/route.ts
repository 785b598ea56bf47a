// POST /api/series/preview – every date of a recurring booking with its state (free / pending / taken / closed / outside hours) (new)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { previewSeries } from "@/lib/services/series/preview-series";
import { seriesPreviewSchema } from "@/lib/validation/series";

export const dynamic = "force-dynamic";

export const POST = legacyRoute({ auth: "user", rateLimit: "search", schema: seriesPreviewSchema }, async ({ input, user }) =>
  ok(await previewSeries({ ...input, userId: user.id })),
);
