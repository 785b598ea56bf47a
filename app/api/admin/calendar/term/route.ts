// POST /api/admin/calendar/term – add or change a term
import { legacyRoute, ok } from "@/lib/http/legacy";
import { saveTerm } from "@/lib/services/calendar/academic-calendar";
import { termSchema } from "@/lib/validation/console";

export const POST = legacyRoute({ auth: "super", schema: termSchema }, async ({ admin, input }) => ok(await saveTerm(admin, input)));
