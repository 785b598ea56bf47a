// GET /api/admin/deliveries – failed or pending outbox messages for the console (new)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { listDeliveriesForConsole } from "@/lib/services/outbox/list-deliveries-for-console";
import { listDeliveriesSchema } from "@/lib/validation/deliveries";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin", schema: listDeliveriesSchema }, async ({ admin, input }) =>
  ok(await listDeliveriesForConsole(admin, input)),
);
