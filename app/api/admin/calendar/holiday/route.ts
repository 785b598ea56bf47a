// POST /api/admin/calendar/holiday – add a holiday
import { legacyRoute, ok } from "@/lib/http/legacy";
import { saveHoliday } from "@/lib/services/calendar/academic-calendar";
import { holidaySchema } from "@/lib/validation/console";

export const POST = legacyRoute({ auth: "super", schema: holidaySchema }, async ({ admin, input }) => ok(await saveHoliday(admin, input)));
