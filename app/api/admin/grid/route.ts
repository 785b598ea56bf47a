// GET /api/admin/grid – the bookings grid: one page of rooms with their bookings and closures for a day or a week
import { legacyRoute, ok } from "@/lib/http/legacy";
import { getBookingGrid } from "@/lib/services/console/booking-grid";
import { gridSchema } from "@/lib/validation/console";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin", schema: gridSchema }, async ({ admin, input }) =>
  ok(await getBookingGrid(admin, { ...input, page: input.page ?? 1, size: input.size ?? 50 })),
);
