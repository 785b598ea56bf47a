// GET /rooms – open rooms; POST /rooms – room search, or occupancy when `type` is present (legacy RoomController#rooms, #filter)
import { legacyRoute, ok, okWithJsonList, parseParams } from "@/lib/http/legacy";
import { legacyRoomPeriods } from "@/lib/http/legacy-views";
import { getRoomPeriods } from "@/lib/services/rooms/get-room-periods";
import { listOpenRooms } from "@/lib/services/rooms/list-open-rooms";
import { searchRooms } from "@/lib/services/rooms/search-rooms";
import { roomsJsonBytes } from "@/lib/services/rooms/to-room";
import { roomPeriodsSchema, roomSearchSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "public" }, async () => okWithJsonList("rooms", roomsJsonBytes(await listOpenRooms())));

export const POST = legacyRoute({ auth: "public", rateLimit: "search" }, async ({ params }) => {
  if (params.type !== undefined) {
    const q = parseParams(roomPeriodsSchema, params);
    return ok(legacyRoomPeriods(q.roomId, await getRoomPeriods(q)));
  }
  return okWithJsonList("rooms", roomsJsonBytes(await searchRooms(parseParams(roomSearchSchema, params))));
});
