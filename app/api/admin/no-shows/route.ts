// GET /api/admin/no-shows?days=30 – bookings released for no check-in, per booker and per room (admins; the dashboard)
import { z } from "zod";
import { legacyRoute, ok } from "@/lib/http/legacy";
import { noShowCounts } from "@/lib/services/checkin/no-show-counts";

export const dynamic = "force-dynamic";

const schema = z.object({ days: z.coerce.number({ error: "必须是整数" }).int("必须是整数").min(1, "不能小于1").max(366, "不能大于366").optional() });

export const GET = legacyRoute({ auth: "admin", schema }, async ({ input }) => {
  const to = new Date();
  const from = new Date(to.getTime() - (input.days ?? 30) * 86_400_000);
  return ok({ from: from.getTime(), to: to.getTime(), ...(await noShowCounts({ from, to })) });
});
