// GET|POST /history/{statusCode} – the caller's bookings in one status, newest first (legacy AppointmentController#history)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { legacyAppointmentView } from "@/lib/http/legacy-views";
import { listHistory } from "@/lib/services/booking/list-history";
import { historySchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

// The API document says POST, the legacy code answered GET: both are served (A3).
export const GET = legacyRoute({ auth: "user", schema: historySchema }, async ({ input, user }) =>
  ok({ statusCode: input.statusCode, history: (await listHistory(user.id, input.statusCode)).map(legacyAppointmentView) }),
);
export const POST = GET;
