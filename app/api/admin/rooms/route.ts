// GET /api/admin/rooms – every room; POST – add one (admin console, super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { addRoom } from "@/lib/services/rooms/add-room";
import { listAllRooms } from "@/lib/services/rooms/list-all-rooms";
import { addRoomSchema } from "@/lib/validation/room";

export const GET = legacyRoute({ auth: "super" }, async ({ admin }) => ok({ rooms: await listAllRooms(admin) }));

export const POST = legacyRoute({ auth: "super", schema: addRoomSchema }, async ({ admin, input }) =>
  ok({ room: await addRoom(admin, input) }),
);
