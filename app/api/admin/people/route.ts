// GET /api/admin/people?q= – people by name or 工号, for booking on someone's behalf
import { legacyRoute, ok } from "@/lib/http/legacy";
import { searchPeople } from "@/lib/services/console/booking-grid";
import { peopleSchema } from "@/lib/validation/console";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin", schema: peopleSchema }, async ({ admin, input }) => ok({ people: await searchPeople(admin, input.q) }));
