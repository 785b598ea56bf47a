import "server-only";
import { sql } from "drizzle-orm";
import { getDb, pgErrorCode } from "@/lib/db";
import { departments } from "@/lib/db/schema";
import { badInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { loadOpenDepts } from "@/lib/services/openapi/load-open-depts";
import { assertDepartmentParent } from "./assert-department-parent";
import { newOpenId } from "./new-open-id";

/** `""`, `"0"` and null all mean top level (integrations.md §3.4). */
export const rootParent = (p: string | undefined | null) => (p === undefined ? undefined : !p || p === "0" ? null : p);

export async function addDepartment(input: { id?: string; name: string; parentId?: string | null }) {
  const db = await getDb();
  const id = input.id ?? newOpenId();
  if (id === "0") throw badInput("id", "不能为0");
  const parentId = rootParent(input.parentId) ?? null;
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(72430101)`); // tree changes one at a time: no racing cycles
      if (parentId) await assertDepartmentParent(tx, id, parentId);
      await tx.insert(departments).values({ id, name: input.name, parentId });
      await emitOpenEvent(tx, "dept_add", [id]);
      await recordAudit(tx, { action: "department.added", objectKind: "department", objectId: id, after: { name: input.name, parentId } });
      return (await loadOpenDepts(tx, [id]))[0];
    });
  } catch (e) {
    if (pgErrorCode(e) === "23505") throw badInput("id", "部门ID已存在");
    throw e;
  }
}
