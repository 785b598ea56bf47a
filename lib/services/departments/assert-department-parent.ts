import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/lib/db";
import { departments } from "@/lib/db/schema";
import { badInput, notFound } from "@/lib/errors";

/** The parent must exist and must not be the department itself or one of its descendants (the tree stays a tree). */
export async function assertDepartmentParent(tx: Tx, deptId: string | null, parentId: string) {
  let cur: string | null = parentId;
  for (let depth = 0; cur !== null; depth++) {
    if (cur === deptId) throw badInput("parentId", "不能是部门自身或其下级部门");
    if (depth > 100) throw badInput("parentId", "部门层级过深");
    const [row]: { parentId: string | null }[] = await tx
      .select({ parentId: departments.parentId })
      .from(departments)
      .where(eq(departments.id, cur));
    if (!row) {
      if (cur === parentId) throw notFound("parentId", "上级部门");
      break;
    }
    cur = row.parentId;
  }
}
