import "server-only";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { loadOpenDepts } from "@/lib/services/openapi/load-open-depts";

export async function getDepartment(deptId: string) {
  const [dept] = await loadOpenDepts(await getDb(), [deptId]);
  if (!dept) throw notFound("deptId", "部门");
  return dept;
}
