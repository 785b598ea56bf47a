// POST /check/reject – reject pending bookings with a reason (legacy CheckController#reject)
import { legacyRoute, okMessage } from "@/lib/http/legacy";
import { rejectAsAdmin } from "@/lib/services/review/review-as-admin";
import { rejectSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const POST = legacyRoute({ auth: "admin", schema: rejectSchema, errorCodes: { ais: 2007 } }, async ({ input, admin }) => {
  await rejectAsAdmin(admin, input.ais, input.checkInfo);
  return okMessage("退回成功");
});
