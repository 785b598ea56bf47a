import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb, pgErrorCode } from "@/lib/db";
import { roomUploads, rooms } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { SessionAdmin } from "@/lib/auth/session";
import { requireSuper } from "@/lib/services/admins/admin-guards";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { diffRooms, type SheetChanges } from "./diff-rooms";
import { parseRoomsSheet, SheetTooLargeError } from "./parse-rooms-sheet";
import { SHEET_TOO_LARGE } from "./sheet-format";
import { listEquipment } from "@/lib/services/rooms/list-equipment";

const refused = (why: string) => new AppError(1012, `配置会议室数据失败：${why}`);

/**
 * Applies this admin's pending upload in ONE transaction: rooms are matched by place and updated in place (ids
 * never change, so bookings stay attached), new places are added, open rooms missing from the sheet are closed,
 * never deleted. Any invalid row refuses the whole sheet, naming the first bad cell. The upload is then discarded.
 */
export async function applyRoomsSheet(actor: SessionAdmin | null): Promise<SheetChanges> {
  requireSuper(actor);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [upload] = await tx.select().from(roomUploads).where(eq(roomUploads.adminId, actor.id)).for("update");
      if (!upload) throw new AppError(1012);
      const sheet = await parseRoomsSheet(upload.data, { equipment: await listEquipment(tx) }).catch((e) => {
        throw refused(e instanceof SheetTooLargeError ? SHEET_TOO_LARGE : "无法读取表格文件");
      });
      const bad = sheet.invalid[0];
      if (bad) {
        const more = sheet.invalid.length > 1 ? `（共${sheet.invalid.length}处错误）` : "";
        throw refused(`第${bad.row}行${bad.column}列${bad.why}${more}`);
      }
      if (sheet.rooms.length === 0) throw refused("表格中没有会议室数据");

      // Row locks on every room: a concurrent edit waits instead of being overwritten by a stale diff.
      const current = await tx.select().from(rooms).for("update");
      const changes = diffRooms(current, sheet);
      const now = new Date();
      if (changes.added.length > 0) {
        const added = await tx
          .insert(rooms)
          .values(changes.added.map((r) => ({ place: r.place, size: r.size, available: r.available === 1, ...(r.facts ?? {}) })))
          .returning({ id: rooms.id });
        await emitOpenEvent(tx, "room_add", added.map((r) => r.id));
      }
      for (const u of changes.updated) {
        await tx
          .update(rooms)
          .set({ size: u.after.size, available: u.after.available === 1, ...(u.facts?.after ?? {}), updatedAt: now })
          .where(eq(rooms.id, u.roomId));
      }
      if (changes.closed.length > 0) {
        await tx
          .update(rooms)
          .set({ available: false, updatedAt: now })
          .where(inArray(rooms.id, changes.closed.map((c) => c.roomId)));
      }
      await emitOpenEvent(tx, "room_update", [...changes.updated.map((u) => u.roomId), ...changes.closed.map((c) => c.roomId)]);
      await tx.delete(roomUploads).where(eq(roomUploads.adminId, actor.id));
      // One row for the whole sheet (lists capped: a campus sheet may hold thousands of rooms).
      const cap = <T,>(xs: T[]) => xs.slice(0, 100);
      await recordAudit(tx, {
        action: "room.imported",
        objectKind: "room",
        after: {
          added: changes.added.length,
          updated: changes.updated.length,
          closed: changes.closed.length,
          addedPlaces: cap(changes.added.map((r) => r.place)),
          updatedRooms: cap(changes.updated.map((u) => ({ roomId: u.roomId, size: u.after.size, available: u.after.available === 1 }))),
          closedRoomIds: cap(changes.closed.map((c) => c.roomId)),
        },
      });
      return changes;
    });
  } catch (e) {
    // A room added by someone else between our read and our insert: nothing was applied.
    if (pgErrorCode(e) === "23505") throw refused("会议室数据已被他人修改，请重试");
    throw e;
  }
}
