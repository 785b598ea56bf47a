// GET /api/calendar?from=yyyy-MM-dd&days=N – "第12周 周二" labels, the class periods and the term holding `from`
// (null outside every term: "until the end of this term" is offered only inside one), for the booking form
import { legacyRoute, ok } from "@/lib/http/legacy";
import { dayLabels, listClassPeriods, termContaining } from "@/lib/services/calendar/academic-calendar";
import { calendarLabelsSchema } from "@/lib/validation/console";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "public", schema: calendarLabelsSchema }, async ({ input }) =>
  ok({ days: await dayLabels(input.from, input.days), periods: await listClassPeriods(), term: await termContaining(input.from) }),
);
