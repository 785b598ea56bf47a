// POST /api/admin/deliveries/retry – send failed messages again (new; super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { retryDelivery } from "@/lib/services/outbox/retry-delivery";
import { retryDeliveriesSchema } from "@/lib/validation/deliveries";

export const POST = legacyRoute({ auth: "super", schema: retryDeliveriesSchema }, async ({ input, admin }) =>
  ok({ requeued: await retryDelivery(admin, input.ids) }),
);
