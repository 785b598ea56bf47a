// GET /api/admin/series-settings – the caps on recurring bookings; POST – change them (super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { getSeriesCaps, updateSeriesCaps } from "@/lib/services/series/series-caps";
import { seriesSettingsSchema } from "@/lib/validation/series-settings";

export const dynamic = "force-dynamic";

const view = (c: { maxWeeks: number; maxOccurrences: number }) => ({ seriesMaxWeeks: c.maxWeeks, seriesMaxOccurrences: c.maxOccurrences });

export const GET = legacyRoute({ auth: "super" }, async () => ok({ settings: view(await getSeriesCaps()) }));

export const POST = legacyRoute({ auth: "super", schema: seriesSettingsSchema }, async ({ admin, input }) =>
  ok({ settings: view(await updateSeriesCaps(admin, input)) }),
);
