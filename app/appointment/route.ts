// POST /appointment – submit a booking (legacy AppointmentController#add)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { submitAppointment } from "@/lib/services/booking/submit-appointment";
import { appointmentSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const POST = legacyRoute({ auth: "user", rateLimit: "submit", schema: appointmentSchema }, async ({ input, user }) => {
  await submitAppointment({ ...input, userId: user.id });
  return ok();
});
