// POST /check/approve – approve pending bookings, first come first served (legacy CheckController#approve)
import { AppError } from "@/lib/errors";
import { legacyRoute, ok } from "@/lib/http/legacy";
import { approveAppointments } from "@/lib/services/review/approve-appointments";
import { approveSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const POST = legacyRoute({ auth: "admin", schema: approveSchema, errorCodes: { ais: 2007 } }, async ({ input, admin }) => {
  const report = await approveAppointments(input.ais, { adminId: admin!.id, name: admin!.username }, { manual: true });
  if (report.approved === 0) throw new AppError(2005);
  return ok({ errmsg: "通过预约成功" });
});
