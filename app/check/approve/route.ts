// POST /check/approve – approve pending bookings, first come first served (legacy CheckController#approve)
import { legacyRoute, okMessage } from "@/lib/http/legacy";
import { approveAsAdmin } from "@/lib/services/review/review-as-admin";
import { approveSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const POST = legacyRoute({ auth: "admin", schema: approveSchema, errorCodes: { ais: 2007 } }, async ({ input, admin }) => {
  await approveAsAdmin(admin, input.ais);
  return okMessage("通过预约成功");
});
