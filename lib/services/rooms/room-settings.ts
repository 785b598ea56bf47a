import "server-only";
import { and, arrayOverlaps, eq, sql } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb, type Db, type Tx } from "@/lib/db";
import { rooms, settings } from "@/lib/db/schema";
import { badInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import type { RoomSettingsInput } from "@/lib/validation/room-facts";
import { BASE_EQUIPMENT } from "@/lib/domain/equipment";
import { requireSuper } from "@/lib/services/authz";
import { activeRoom } from "@/lib/services/rooms/active-room";
import { adminActor } from "@/lib/request-context";

export interface RoomSettings {
  checkInBeforeMinutes: number;
  checkInAfterMinutes: number;
  extraEquipment: string[];
  /** Base list + extra, what a room may list. */
  equipment: string[];
}

export async function getRoomSettings(executor?: Db | Tx): Promise<RoomSettings> {
  const db = executor ?? (await getDb());
  const [row] = await db.select().from(settings).where(eq(settings.id, 1));
  if (!row) throw new Error("settings row missing (ensureBaseData has not run)");
  return {
    checkInBeforeMinutes: row.checkInBeforeMinutes,
    checkInAfterMinutes: row.checkInAfterMinutes,
    extraEquipment: row.extraEquipment,
    equipment: [...new Set([...BASE_EQUIPMENT, ...row.extraEquipment])],
  };
}

/**
 * The check-in window and the admin's own equipment names (super admin). A name still listed by a room cannot be
 * removed (the rooms would show an equipment nobody can pick any more).
 */
export async function updateRoomSettings(actor: SessionAdmin, input: RoomSettingsInput): Promise<RoomSettings> {
  requireSuper(actor);
  const extra = [...new Set(input.extraEquipment)].filter((e) => !(BASE_EQUIPMENT as readonly string[]).includes(e));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await getRoomSettings(tx);
    const removed = before.extraEquipment.filter((e) => !extra.includes(e));
    if (removed.length) {
      const inUse = await tx.select({ id: rooms.id }).from(rooms).where(and(arrayOverlaps(rooms.equipment, removed), activeRoom())).limit(1);
      if (inUse.length) {
        throw badInput("extraEquipment", `仍有会议室使用：${removed.join("、")}，请先在这些会议室中去掉`);
      }
    }
    await tx
      .update(settings)
      .set({ checkInBeforeMinutes: input.checkInBeforeMinutes, checkInAfterMinutes: input.checkInAfterMinutes, extraEquipment: extra, updatedAt: sql`now()` })
      .where(eq(settings.id, 1));
    const after = await getRoomSettings(tx);
    await recordAudit(tx, {
      action: "settings.rooms_changed",
      objectKind: "settings",
      objectId: 1,
      before: { checkInBeforeMinutes: before.checkInBeforeMinutes, checkInAfterMinutes: before.checkInAfterMinutes, extraEquipment: before.extraEquipment },
      after: { checkInBeforeMinutes: after.checkInBeforeMinutes, checkInAfterMinutes: after.checkInAfterMinutes, extraEquipment: after.extraEquipment },
      actor: adminActor(actor),
    });
    return after;
  });
}
