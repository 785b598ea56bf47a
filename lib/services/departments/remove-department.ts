import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { departments, rooms, users } from "@/lib/db/schema";
import { badInput, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";

/**
 * Removes a department without sub-departments; its users and rooms become department-less (and subscribers hear
 * about each of them, since their departmentId changed).
 */
export async function removeDepartment(deptId: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(72430101)`);
    const [current] = await tx.select().from(departments).where(eq(departments.id, deptId)).for("update");
    if (!current) throw notFound("deptId", "部门");
    const [child] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.parentId, deptId)).limit(1);
    if (child) throw badInput("deptId", "该部门下还有子部门");
    const now = new Date();
    const movedUsers = await tx
      .update(users)
      .set({ departmentId: null, updatedAt: now })
      .where(eq(users.departmentId, deptId))
      .returning({ id: users.id });
    const movedRooms = await tx
      .update(rooms)
      .set({ departmentId: null, updatedAt: now })
      .where(eq(rooms.departmentId, deptId))
      .returning({ id: rooms.id });
    await tx.delete(departments).where(eq(departments.id, deptId));
    await emitOpenEvent(tx, "user_update", movedUsers.map((u) => u.id));
    await emitOpenEvent(tx, "room_update", movedRooms.map((r) => r.id));
    await emitOpenEvent(tx, "dept_remove", [deptId]);
    await recordAudit(tx, {
      action: "department.removed",
      objectKind: "department",
      objectId: deptId,
      before: { name: current.name, parentId: current.parentId },
      after: { deleted: true, usersDetached: movedUsers.length, roomsDetached: movedRooms.length },
    });
  });
}
