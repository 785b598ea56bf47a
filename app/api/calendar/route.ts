// GET /api/calendar?from=yyyy-MM-dd&days=N – "第12周 周二" labels and the class periods, for the booking form
import { legacyRoute, ok } from "@/lib/http/legacy";
import { dayLabels, listClassPeriods } from "@/lib/services/calendar/academic-calendar";
import { calendarLabelsSchema } from "@/lib/validation/console";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "public", schema: calendarLabelsSchema }, async ({ input }) =>
  ok({ days: await dayLabels(input.from, input.days), periods: await listClassPeriods() }),
);
