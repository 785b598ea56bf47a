// POST /api/admin/calendar/period – add or change a class period (第1–2节 08:00–09:35)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { savePeriod } from "@/lib/services/calendar/academic-calendar";
import { periodSchema } from "@/lib/validation/console";
import { parseHhmm } from "@/lib/zoned-time";

export const POST = legacyRoute({ auth: "super", schema: periodSchema }, async ({ admin, input }) =>
  ok(await savePeriod(admin, { id: input.id, name: input.name, startMinute: parseHhmm(input.start)!, endMinute: parseHhmm(input.end)! })),
);
