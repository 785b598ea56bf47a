// POST /api/admin/closures/delete {id} – reopen: remove a closure
import { legacyRoute, ok } from "@/lib/http/legacy";
import { deleteClosure } from "@/lib/services/closures/closures";
import { closureIdSchema } from "@/lib/validation/console";

export const POST = legacyRoute({ auth: "super", schema: closureIdSchema }, async ({ admin, input }) => {
  await deleteClosure(admin, input.id);
  return ok();
});
