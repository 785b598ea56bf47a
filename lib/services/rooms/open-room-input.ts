import "server-only";
import { and, inArray, isNull } from "drizzle-orm";
import { eq } from "drizzle-orm";
import type { Tx } from "@/lib/db";
import { departments, roomAllowedUsers, users } from "@/lib/db/schema";
import { badInput, notFound } from "@/lib/errors";
import { listEquipment } from "./list-equipment";
import { checkEquipment } from "./room-facts";

/** Writable room fields of the Open API (already validated; hours as minutes). */
export interface OpenRoomFields {
  name?: string;
  departmentId?: string;
  address?: string;
  memo?: string;
  openMinute?: number;
  closeMinute?: number;
  capacity?: number;
  area?: number;
  longitude?: number;
  latitude?: number;
  radius?: number;
  status?: number;
  needAudit?: number;
  permission?: number;
  sceneImage?: string;
  userIds?: string[];
  // Fields the seed has no equivalent for.
  building?: string;
  floor?: string;
  equipment?: string[];
  description?: string;
  checkInRequired?: number;
}

export function roomColumns(f: OpenRoomFields) {
  const out: Record<string, unknown> = {};
  if (f.name !== undefined) out.place = f.name;
  if (f.departmentId !== undefined) out.departmentId = f.departmentId && f.departmentId !== "0" ? f.departmentId : null;
  if (f.address !== undefined) out.address = f.address;
  if (f.memo !== undefined) out.memo = f.memo;
  if (f.openMinute !== undefined) out.openMinute = f.openMinute;
  if (f.closeMinute !== undefined) out.closeMinute = f.closeMinute;
  if (f.capacity !== undefined) out.size = f.capacity;
  if (f.area !== undefined) out.area = f.area;
  if (f.longitude !== undefined) out.longitude = f.longitude;
  if (f.latitude !== undefined) out.latitude = f.latitude;
  if (f.radius !== undefined) out.radius = f.radius;
  if (f.status !== undefined) out.available = f.status === 1;
  if (f.needAudit !== undefined) out.needAudit = f.needAudit === 1;
  if (f.permission !== undefined) out.permission = f.permission;
  // The seed: send sceneImage empty when it is unchanged.
  if (f.sceneImage) out.sceneImage = f.sceneImage;
  if (f.building !== undefined) out.building = f.building;
  if (f.floor !== undefined) out.floor = f.floor;
  if (f.equipment !== undefined) out.equipment = f.equipment;
  if (f.description !== undefined) out.description = f.description;
  if (f.checkInRequired !== undefined) out.checkInRequired = f.checkInRequired === 1;
  return out;
}

/** Checks the department and the allowed users, then replaces the allowed-user list when one was given. */
export async function applyRoomRefs(tx: Tx, roomId: number | null, f: OpenRoomFields) {
  // Equipment names must be known ones (base list + the admin's own), kept in the list's order.
  if (f.equipment !== undefined) f.equipment = checkEquipment(f.equipment, await listEquipment(tx));
  if (f.departmentId && f.departmentId !== "0") {
    const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, f.departmentId));
    if (!d) throw notFound("departmentId", "部门");
  }
  if (f.userIds === undefined) return;
  const ids = [...new Set(f.userIds)].map((s) => (/^\d{1,9}$/.test(s) ? Number(s) : NaN));
  if (ids.some((n) => Number.isNaN(n))) throw notFound("userIds", "用户");
  const found = ids.length
    ? await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), isNull(users.removedAt)))
    : [];
  if (found.length !== ids.length) throw notFound("userIds", "用户");
  if (roomId === null) return;
  await tx.delete(roomAllowedUsers).where(eq(roomAllowedUsers.roomId, roomId));
  if (ids.length) await tx.insert(roomAllowedUsers).values(ids.map((userId) => ({ roomId, userId })));
}

export function assertHours(f: OpenRoomFields, current?: { openMinute: number | null; closeMinute: number | null }) {
  const open = f.openMinute !== undefined ? f.openMinute : current?.openMinute;
  const close = f.closeMinute !== undefined ? f.closeMinute : current?.closeMinute;
  if ((open === null || open === undefined) !== (close === null || close === undefined)) {
    throw badInput(open === null || open === undefined ? "beginTime" : "endTime", "开始和结束时间需同时设置");
  }
  if (open !== null && open !== undefined && close !== null && close !== undefined && close <= open) {
    throw badInput("endTime", "结束时间必须晚于开始时间");
  }
  if (open === 1440) throw badInput("beginTime", "不能为24:00");
}
