// GET /appointment/cancel/{appointId} – the booker cancels, then sees the booking (legacy AppointmentController#cancel)
import { legacyRoute } from "@/lib/http/legacy";
import { cancelAppointment } from "@/lib/services/booking/cancel-appointment";
import { appointIdSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

// A GET that changes state (the legacy contract): cross-site navigations are refused; errors are the legacy HTML page.
export const GET = legacyRoute(
  { auth: "user", schema: appointIdSchema, stateChangingGet: true, htmlErrors: { redirectUrl: "/meeting/index", redirectMsg: "返回首页" } },
  async ({ input, user }) => {
    await cancelAppointment(input.appointId, user.id);
    return new Response(null, { status: 302, headers: { location: `/meeting/history/detail/${input.appointId}` } });
  },
);
