// POST /api/open/dept/{list,get,add,update,remove} – Open API departments (integrations.md §3.2 #9–13)
import { z } from "zod";
import { openRoute } from "@/lib/http/open";
import { addDepartment } from "@/lib/services/departments/add-department";
import { getDepartment } from "@/lib/services/departments/get-department";
import { listDepartments } from "@/lib/services/departments/list-departments";
import { removeDepartment } from "@/lib/services/departments/remove-department";
import { updateDepartment } from "@/lib/services/departments/update-department";
import { oId, oRequiredText, oText } from "@/lib/validation/open-api";

const deptId = z.object({ deptId: oId });

export const deptEndpoints = {
  list: openRoute({ schema: z.object({}), resource: "dept" }, () => listDepartments()),
  get: openRoute({ schema: deptId, resource: "dept" }, ({ input }) => getDepartment(input.deptId)),
  add: openRoute(
    { schema: z.object({ name: oRequiredText(64), id: oId.optional(), parentId: oText(64).optional() }), resource: "dept" },
    ({ input }) => addDepartment(input),
  ),
  update: openRoute(
    { schema: z.object({ id: oId, name: oRequiredText(64).optional(), parentId: oText(64).optional() }), resource: "dept" },
    ({ input }) => updateDepartment(input),
  ),
  remove: openRoute({ schema: deptId, resource: "dept" }, async ({ input }) => {
    await removeDepartment(input.deptId);
  }),
};
