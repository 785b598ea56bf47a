// POST /api/me/ical – a new secret address for the caller's calendar feed (the old one stops working)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { feedUrls, regenerateIcalToken } from "@/lib/services/ical/feeds";

export const POST = legacyRoute({ auth: "user" }, async ({ user }) => ok(feedUrls(`/ical/${await regenerateIcalToken(user.id)}.ics`)));
