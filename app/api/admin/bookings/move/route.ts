// POST /api/admin/bookings/move {id, roomId, start, duration} – move a booking to another room or time (booker notified)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { moveBookingAsAdmin } from "@/lib/services/console/admin-bookings";
import { moveBookingSchema } from "@/lib/validation/console";

export const POST = legacyRoute({ auth: "admin", schema: moveBookingSchema }, async ({ admin, input }) => ok(await moveBookingAsAdmin(admin, input)));
