// POST /api/admin/bookings/book – an admin books an empty stretch on behalf of a person (approved by that admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { bookOnBehalf } from "@/lib/services/console/admin-bookings";
import { bookOnBehalfSchema } from "@/lib/validation/console";

export const POST = legacyRoute({ auth: "admin", schema: bookOnBehalfSchema }, async ({ admin, input }) => ok(await bookOnBehalf(admin, input)));
