// GET /api/admin/closures – current and future closures; POST – create one (optionally cancelling the bookings it hits)
import { z } from "zod";
import { legacyRoute, ok } from "@/lib/http/legacy";
import { createClosure, listClosures } from "@/lib/services/closures/closures";
import { boolParam } from "@/lib/validation/common";
import { closureSchema } from "@/lib/validation/console";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin", schema: z.object({ all: boolParam() }) }, async ({ admin, input }) =>
  ok({ closures: await listClosures(admin, { all: input.all }) }),
);

export const POST = legacyRoute({ auth: "super", schema: closureSchema }, async ({ admin, input }) => ok(await createClosure(admin, input)));
