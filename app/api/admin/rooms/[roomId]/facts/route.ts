// GET /api/admin/rooms/{roomId}/facts – building, floor, equipment, description, check-in, photos, feed and check-in secrets
// POST – change any of building, floor, equipment, description, checkInRequired (super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { feedUrls } from "@/lib/services/ical/feeds";
import { checkInUrl } from "@/lib/services/checkin/check-in-poster";
import { getRoomFacts, updateRoomFacts, type RoomFacts } from "@/lib/services/rooms/room-facts";
import { getRoomSettings } from "@/lib/services/rooms/room-settings";
import { roomFactsSchema } from "@/lib/validation/room-facts";

export const dynamic = "force-dynamic";

const view = (f: RoomFacts) => ({
  ...f,
  checkInUrl: f.checkInToken ? checkInUrl(f.checkInToken) : null,
  feed: f.icalToken ? feedUrls(`/ical/room/${f.icalToken}.ics`) : null,
});

export const GET = legacyRoute({ auth: "super", schema: roomFactsSchema.pick({ roomId: true }) }, async ({ admin, input }) => {
  const [facts, settings] = await Promise.all([getRoomFacts(admin, input.roomId), getRoomSettings()]);
  return ok({ facts: view(facts), equipment: settings.equipment });
});

export const POST = legacyRoute({ auth: "super", schema: roomFactsSchema }, async ({ admin, input }) =>
  ok({ facts: view(await updateRoomFacts(admin, input)) }),
);
