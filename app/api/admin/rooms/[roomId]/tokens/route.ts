// POST /api/admin/rooms/{roomId}/tokens – new secret for the check-in code (which=checkIn) or the room feed (which=ical)
import { z } from "zod";
import { legacyRoute, ok } from "@/lib/http/legacy";
import { checkInUrl } from "@/lib/services/checkin/check-in-poster";
import { feedUrls } from "@/lib/services/ical/feeds";
import { regenerateRoomToken } from "@/lib/services/rooms/room-facts";
import { roomFactsSchema } from "@/lib/validation/room-facts";

const schema = z.object({ roomId: roomFactsSchema.shape.roomId, which: z.enum(["checkIn", "ical"], { error: "必须是 checkIn 或 ical" }) });

export const POST = legacyRoute({ auth: "super", schema }, async ({ admin, input }) => {
  const f = await regenerateRoomToken(admin, input.roomId, input.which);
  return ok({
    checkInUrl: f.checkInToken ? checkInUrl(f.checkInToken) : null,
    feed: f.icalToken ? feedUrls(`/ical/room/${f.icalToken}.ics`) : null,
  });
});
