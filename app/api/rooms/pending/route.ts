// GET /api/rooms/pending – how many pending requests overlap one slot, per room (new; search cards and the form's warning)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { countPendingOverlaps } from "@/lib/services/booking/pending-requests";
import { zone } from "@/lib/time";
import { pendingOverlapSchema } from "@/lib/validation/series";
import { localToEpoch } from "@/lib/zoned-time";
import { badInput } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "public", rateLimit: "search", schema: pendingOverlapSchema }, async ({ input }) => {
  const start = localToEpoch(input.date, input.start, zone());
  if (start === null) throw badInput("date", "不是有效日期");
  const counts = await countPendingOverlaps(input.roomIds, new Date(start), new Date(start + input.duration * 60_000));
  return ok({ pending: Object.fromEntries(input.roomIds.map((id) => [String(id), counts.get(id) ?? 0])) });
});
