import "server-only";
import { and, eq, isNotNull, isNull, notInArray } from "drizzle-orm";
import { listAppDepts } from "@/lib/clients/campus/api";
import { campusEnabled } from "@/lib/clients/campus/config";
import { getDb } from "@/lib/db";
import { departments, jobState } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { newOpenId } from "@/lib/services/departments/new-open-id";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { tracked } from "./family-status";

// The platform's department tree (getAllDeptByApp, every page) copied into our departments: once a day by the
// maintenance run and on demand from the console. Matching is by the platform id (departments.campus_id); names and
// parents follow the platform; a department the platform no longer lists is marked removed, never deleted (users and
// rooms may still point at it). Running it twice changes nothing the second time.

export interface DeptSyncReport {
  total: number;
  added: number;
  updated: number;
  removed: number;
}

export const DEPT_SYNC_JOB = "campus-departments";
export const DEPT_SYNC_EVERY_MS = 24 * 3_600_000;

export async function syncDepartments(now = new Date()): Promise<DeptSyncReport> {
  if (!campusEnabled()) throw new AppError(4002, "校园平台未启用");
  const remote = await tracked("departments", () => listAppDepts());
  const db = await getDb();
  const report = await db.transaction(async (tx) => {
    const mine = await tx.select().from(departments).where(isNotNull(departments.campusId));
    const byCampus = new Map(mine.map((d) => [d.campusId!, d]));
    const added: string[] = [];
    const updated = new Set<string>();
    const seen = new Set<number>();
    for (const r of remote) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const name = (r.name || `部门${r.id}`).slice(0, 64);
      const cur = byCampus.get(r.id);
      if (!cur) {
        const [row] = await tx.insert(departments).values({ id: newOpenId(), name, campusId: r.id, parentId: null }).returning();
        byCampus.set(r.id, row);
        added.push(row.id);
      } else if (cur.name !== name || cur.removedAt) {
        await tx.update(departments).set({ name, removedAt: null, updatedAt: now }).where(eq(departments.id, cur.id));
        updated.add(cur.id);
      }
    }
    // Parents once every department exists (the platform's pages are in no particular order).
    for (const r of remote) {
      const d = byCampus.get(r.id)!;
      const parent = r.pid !== null && r.pid !== r.id ? (byCampus.get(r.pid)?.id ?? null) : null;
      if (d.parentId !== parent) {
        await tx.update(departments).set({ parentId: parent, updatedAt: now }).where(eq(departments.id, d.id));
        d.parentId = parent;
        if (!added.includes(d.id)) updated.add(d.id);
      }
    }
    const gone = await tx
      .update(departments)
      .set({ removedAt: now, updatedAt: now })
      .where(and(isNotNull(departments.campusId), isNull(departments.removedAt), seen.size ? notInArray(departments.campusId, [...seen]) : undefined))
      .returning({ id: departments.id });

    await emitOpenEvent(tx, "dept_add", added);
    await emitOpenEvent(tx, "dept_update", [...updated]);
    await emitOpenEvent(tx, "dept_remove", gone.map((g) => g.id));
    const result = { total: seen.size, added: added.length, updated: updated.size, removed: gone.length };
    if (result.added || result.updated || result.removed) {
      await recordAudit(tx, { action: "department.synced", objectKind: "department", objectId: null, after: result });
    }
    const values = { lastRunAt: now, lastReport: result, updatedAt: new Date() };
    await tx.insert(jobState).values({ name: DEPT_SYNC_JOB, ...values }).onConflictDoUpdate({ target: jobState.name, set: values });
    return result;
  });
  return report;
}

/** Whether the daily sync is due (never ran, or ran a day ago). */
export async function deptSyncDue(now: Date): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ at: jobState.lastRunAt }).from(jobState).where(eq(jobState.name, DEPT_SYNC_JOB));
  return !row?.at || now.getTime() - row.at.getTime() >= DEPT_SYNC_EVERY_MS - 60_000;
}
