// POST /check/approve – approve pending bookings, first come first served (legacy CheckController#approve)
import { AppError } from "@/lib/errors";
import { legacyRoute, ok } from "@/lib/http/legacy";
import { kickOutbox } from "@/lib/outbox/kick-outbox";
import { approveAppointments } from "@/lib/services/review/approve-appointments";
import { approveSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const POST = legacyRoute({ auth: "admin", schema: approveSchema, errorCodes: { ais: 2007 } }, async ({ input, admin }) => {
  const report = await approveAppointments(input.ais, { adminId: admin!.id, name: admin!.username }, { manual: true });
  kickOutbox(); // the bookers' messages go out now, after the response, not at the next maintenance run
  if (report.approved === 0) throw new AppError(2005);
  return ok({ errmsg: "通过预约成功" });
});
