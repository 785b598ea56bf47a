import "server-only";
import { asc, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db";
import { departments } from "@/lib/db/schema";

export type OpenDept = ReturnType<typeof toOpenDept>;

export function toOpenDept(d: typeof departments.$inferSelect) {
  return { id: d.id, name: d.name, parentId: d.parentId ?? "", createdTime: d.createdAt.getTime() };
}

/** Departments as the Open API shows them, oldest first; all current ones (not removed by the campus sync) when `ids` is absent. */
export async function loadOpenDepts(db: Db | Tx, ids?: string[]): Promise<OpenDept[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select()
    .from(departments)
    .where(ids ? inArray(departments.id, ids) : isNull(departments.removedAt))
    .orderBy(asc(departments.createdAt), asc(departments.id));
  return rows.map(toOpenDept);
}
