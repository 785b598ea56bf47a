// POST /check/reject – reject pending bookings with a reason (legacy CheckController#reject)
import { AppError } from "@/lib/errors";
import { legacyRoute, ok } from "@/lib/http/legacy";
import { kickOutbox } from "@/lib/outbox/kick-outbox";
import { rejectAppointments } from "@/lib/services/review/reject-appointments";
import { rejectSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const POST = legacyRoute({ auth: "admin", schema: rejectSchema, errorCodes: { ais: 2007 } }, async ({ input, admin }) => {
  const rejected = await rejectAppointments(input.ais, input.checkInfo, { adminId: admin!.id, name: admin!.username }, { manual: true });
  kickOutbox(); // the bookers' messages go out now, after the response, not at the next maintenance run
  if (rejected.length === 0) throw new AppError(2004);
  return ok({ errmsg: "退回成功" });
});
