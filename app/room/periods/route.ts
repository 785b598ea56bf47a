// GET /room/periods – approved periods of a room, that day or all (legacy RoomController#periods)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { legacyRoomPeriods } from "@/lib/http/legacy-views";
import { getRoomPeriods } from "@/lib/services/rooms/get-room-periods";
import { roomPeriodsSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "public", schema: roomPeriodsSchema }, async ({ input }) =>
  ok(legacyRoomPeriods(input.roomId, await getRoomPeriods(input))),
);
