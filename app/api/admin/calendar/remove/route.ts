// POST /api/admin/calendar/remove {kind, id} – remove a term, holiday or class period
import { legacyRoute, ok } from "@/lib/http/legacy";
import { removeCalendarItem } from "@/lib/services/calendar/academic-calendar";
import { calendarRemoveSchema } from "@/lib/validation/console";

export const POST = legacyRoute({ auth: "super", schema: calendarRemoveSchema }, async ({ admin, input }) => {
  await removeCalendarItem(admin, input.kind, input.id);
  return ok();
});
