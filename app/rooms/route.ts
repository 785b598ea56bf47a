// GET /rooms – open rooms; POST /rooms – room search, or occupancy when `type` is present (legacy RoomController#rooms, #filter)
import { legacyRoute, ok, parseParams } from "@/lib/http/legacy";
import { legacyRoomPeriods } from "@/lib/http/legacy-views";
import { getRoomPeriods } from "@/lib/services/rooms/get-room-periods";
import { listOpenRooms } from "@/lib/services/rooms/list-open-rooms";
import { searchRooms } from "@/lib/services/rooms/search-rooms";
import { toRoom } from "@/lib/services/rooms/to-room";
import { roomPeriodsSchema, roomSearchSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "public" }, async () => ok({ rooms: (await listOpenRooms()).map(toRoom) }));

export const POST = legacyRoute({ auth: "public", rateLimit: "search" }, async ({ params }) => {
  if (params.type !== undefined) {
    const q = parseParams(roomPeriodsSchema, params);
    return ok(legacyRoomPeriods(q.roomId, await getRoomPeriods(q)));
  }
  return ok({ rooms: (await searchRooms(parseParams(roomSearchSchema, params))).map(toRoom) });
});
