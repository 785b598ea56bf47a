// POST /api/admin/bookings/cancel {id, reason} – an admin cancels a pending or approved booking (booker notified)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { cancelBookingAsAdmin } from "@/lib/services/console/admin-bookings";
import { cancelBookingSchema } from "@/lib/validation/console";

export const POST = legacyRoute({ auth: "admin", schema: cancelBookingSchema }, async ({ admin, input }) =>
  ok(await cancelBookingAsAdmin(admin, input.id, input.reason)),
);
