// POST /api/admin/rooms/{roomId} – change a room's place, size or open flag (admin console, super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { editRoom } from "@/lib/services/rooms/write-room";
import { editRoomSchema } from "@/lib/validation/room";

export const POST = legacyRoute({ auth: "super", schema: editRoomSchema }, async ({ admin, input }) =>
  ok({ room: await editRoom(admin, input) }),
);
