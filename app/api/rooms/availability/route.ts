// GET /api/rooms/availability – free windows of rooms on one day (new; the user pages' search, timeline and suggestions)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { getRoomAvailability } from "@/lib/services/rooms/get-room-availability";
import { availabilitySchema } from "@/lib/validation/availability";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "public", rateLimit: "search", schema: availabilitySchema }, async ({ input }) =>
  ok(await getRoomAvailability(input)),
);
