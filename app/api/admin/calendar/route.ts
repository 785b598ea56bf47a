// GET /api/admin/calendar – terms, holidays and class periods
import { legacyRoute, ok } from "@/lib/http/legacy";
import { getAcademicCalendar } from "@/lib/services/calendar/academic-calendar";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin" }, async () => ok(await getAcademicCalendar()));
