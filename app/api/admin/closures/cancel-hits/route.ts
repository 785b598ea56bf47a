// POST /api/admin/closures/cancel-hits {id, reason} – cancel the bookings a closure still hits (each booker told once)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { cancelClosureHits } from "@/lib/services/closures/closures";
import { closureCancelSchema } from "@/lib/validation/console";

export const POST = legacyRoute({ auth: "super", schema: closureCancelSchema }, async ({ admin, input }) =>
  ok(await cancelClosureHits(admin, input.id, input.reason)),
);
