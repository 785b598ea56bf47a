// POST /api/checkin – check in to the caller's booking of the room whose QR code was scanned (token)
import { z } from "zod";
import { legacyRoute, ok } from "@/lib/http/legacy";
import { checkIn } from "@/lib/services/checkin/check-in";

const schema = z.object({ token: z.string({ error: "缺少签到码" }).trim().min(1, "缺少签到码").max(64, "签到码无效") });

export const POST = legacyRoute({ auth: "user", schema }, async ({ user, input }) => {
  const r = await checkIn(input.token, user);
  return ok({ appointmentId: r.appointmentId, checkedInAt: r.checkedInAt.getTime(), already: r.already });
});
