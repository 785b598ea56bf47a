import "server-only";
import { getDb } from "@/lib/db";
import { loadOpenDepts } from "@/lib/services/openapi/load-open-depts";

export async function listDepartments() {
  return loadOpenDepts(await getDb());
}
