import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { departments } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { changedFields } from "@/lib/services/audit/summaries";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { loadOpenDepts } from "@/lib/services/openapi/load-open-depts";
import { assertDepartmentParent } from "./assert-department-parent";
import { rootParent } from "./add-department";

export async function updateDepartment(input: { id: string; name?: string; parentId?: string | null }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(72430101)`);
    const [current] = await tx.select().from(departments).where(eq(departments.id, input.id)).for("update");
    if (!current) throw notFound("id", "部门");
    const parentId = rootParent(input.parentId);
    if (parentId) await assertDepartmentParent(tx, input.id, parentId);
    await tx
      .update(departments)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(parentId !== undefined ? { parentId } : {}),
        updatedAt: new Date(),
      })
      .where(eq(departments.id, input.id));
    await emitOpenEvent(tx, "dept_update", [input.id]);
    const after = { name: input.name ?? current.name, parentId: parentId !== undefined ? parentId : current.parentId };
    await recordAudit(tx, {
      action: "department.edited",
      objectKind: "department",
      objectId: input.id,
      ...changedFields({ name: current.name, parentId: current.parentId }, after),
    });
    return (await loadOpenDepts(tx, [input.id]))[0];
  });
}
