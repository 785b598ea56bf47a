// POST /api/admin/closures/preview – the pending and approved bookings a closure would hit (nothing is written)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { previewClosure } from "@/lib/services/closures/closures";
import { closureSchema } from "@/lib/validation/console";

export const POST = legacyRoute({ auth: "super", schema: closureSchema }, async ({ admin, input }) => ok(await previewClosure(admin, input)));
