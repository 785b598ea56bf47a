// GET /api/admin/room-settings – check-in window and equipment names; POST – change them (super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { getRoomSettings, updateRoomSettings } from "@/lib/services/rooms/room-settings";
import { roomSettingsSchema } from "@/lib/validation/room-facts";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "super" }, async () => ok({ settings: await getRoomSettings() }));

export const POST = legacyRoute({ auth: "super", schema: roomSettingsSchema }, async ({ admin, input }) =>
  ok({ settings: await updateRoomSettings(admin, input) }),
);
