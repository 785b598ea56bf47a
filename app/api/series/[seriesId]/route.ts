// GET /api/series/{seriesId} – a recurring series and its dates (its booker or an admin) (new)
import { getSessionAdmin, getSessionUser } from "@/lib/auth/session";
import { legacyRoute, ok } from "@/lib/http/legacy";
import { getSeries } from "@/lib/services/series/get-series";
import { seriesIdSchema } from "@/lib/validation/series";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "public", schema: seriesIdSchema }, async ({ input }) => {
  const s = await getSeries({ user: await getSessionUser(), admin: await getSessionAdmin() }, input.seriesId);
  return ok({
    series: {
      ...s,
      createdAt: s.createdAt.getTime(),
      occurrences: s.occurrences.map((o) => ({ ...o, startsAt: o.startsAt.getTime(), endsAt: o.endsAt.getTime() })),
    },
  });
});
