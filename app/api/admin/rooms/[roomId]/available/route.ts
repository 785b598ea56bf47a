// POST /api/admin/rooms/{roomId}/available – open (1) or close (0) a room (admin console, super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { setRoomAvailability } from "@/lib/services/rooms/set-room-availability";
import { setRoomAvailabilitySchema } from "@/lib/validation/room";

export const POST = legacyRoute({ auth: "super", schema: setRoomAvailabilitySchema }, async ({ admin, input }) =>
  ok({ room: await setRoomAvailability(admin, input) }),
);
