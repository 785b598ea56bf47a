import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb, type Db, type Tx } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import { badInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import type { RoomFactsInput } from "@/lib/validation/room-facts";
import { listEquipment } from "./list-equipment";
import { listRoomPhotos, type RoomPhoto } from "./photos/list-room-photos";
import { requireSuper } from "@/lib/services/authz";
import { activeRoom } from "@/lib/services/rooms/active-room";
import { adminActor } from "@/lib/request-context";

export interface RoomFacts {
  roomId: number;
  place: string;
  size: number;
  available: boolean;
  building: string;
  floor: string;
  equipment: string[];
  description: string;
  checkInRequired: boolean;
  /** Secret of the check-in QR code; null until check-in is first turned on. */
  checkInToken: string | null;
  /** Secret of the room's calendar feed; null until an admin asks for one. */
  icalToken: string | null;
  photos: RoomPhoto[];
}

export const newToken = () => randomBytes(18).toString("base64url");


function toFacts(r: typeof rooms.$inferSelect, photos: RoomPhoto[]): RoomFacts {
  return {
    roomId: r.id,
    place: r.place,
    size: r.size,
    available: r.available,
    building: r.building,
    floor: r.floor,
    equipment: r.equipment,
    description: r.description,
    checkInRequired: r.checkInRequired,
    checkInToken: r.checkInToken,
    icalToken: r.icalToken,
    photos,
  };
}

const factsOf = (r: typeof rooms.$inferSelect) => ({
  building: r.building,
  floor: r.floor,
  equipment: r.equipment,
  description: r.description,
  checkInRequired: r.checkInRequired,
});

/** A room's facts for the console (secrets included: super admins only). */
export async function getRoomFacts(actor: SessionAdmin, roomId: number, executor?: Db | Tx): Promise<RoomFacts> {
  requireSuper(actor);
  const db = executor ?? (await getDb());
  const [row] = await db.select().from(rooms).where(and(eq(rooms.id, roomId), activeRoom()));
  if (!row) throw badInput("roomId", `会议室 ${roomId} 不存在`);
  return toFacts(row, (await listRoomPhotos([roomId], db)).get(roomId) ?? []);
}

/** Sorts and checks equipment names against the allowed list (base + the admin's own); unknown names are 4002. */
export function checkEquipment(wanted: string[], allowed: string[]): string[] {
  const unknown = wanted.filter((e) => !allowed.includes(e));
  if (unknown.length) throw badInput("equipment", `未知设备：${unknown.join("、")}（可在设置中添加）`);
  const set = new Set(wanted);
  return allowed.filter((e) => set.has(e));
}

/**
 * Changes a room's building, floor, equipment, description or check-in flag (absent fields are kept). Turning
 * check-in on gives the room a check-in token if it has none.
 */
export async function updateRoomFacts(actor: SessionAdmin, input: RoomFactsInput): Promise<RoomFacts> {
  requireSuper(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(rooms).where(and(eq(rooms.id, input.roomId), activeRoom())).for("update");
    if (!before) throw badInput("roomId", `会议室 ${input.roomId} 不存在`);
    const equipment = input.equipment === undefined ? undefined : checkEquipment(input.equipment, await listEquipment(tx));
    const [row] = await tx
      .update(rooms)
      .set({
        ...(input.building !== undefined ? { building: input.building } : {}),
        ...(input.floor !== undefined ? { floor: input.floor } : {}),
        ...(equipment !== undefined ? { equipment } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.checkInRequired !== undefined ? { checkInRequired: input.checkInRequired } : {}),
        ...(input.checkInRequired && !before.checkInToken ? { checkInToken: newToken() } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(rooms.id, input.roomId))
      .returning();
    await recordAudit(tx, {
      action: "room.facts_changed",
      objectKind: "room",
      objectId: row.id,
      before: factsOf(before),
      after: factsOf(row),
      actor: adminActor(actor),
    });
    await emitOpenEvent(tx, "room_update", [row.id]);
    return toFacts(row, (await listRoomPhotos([row.id], tx)).get(row.id) ?? []);
  });
}

/** Issues a new secret for the room's check-in QR code or its calendar feed; printed codes / subscribed feeds stop working. */
export async function regenerateRoomToken(actor: SessionAdmin, roomId: number, which: "checkIn" | "ical"): Promise<RoomFacts> {
  requireSuper(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(rooms)
      .set(which === "checkIn" ? { checkInToken: newToken(), updatedAt: sql`now()` } : { icalToken: newToken(), updatedAt: sql`now()` })
      .where(and(eq(rooms.id, roomId), activeRoom()))
      .returning();
    if (!row) throw badInput("roomId", `会议室 ${roomId} 不存在`);
    await recordAudit(tx, {
      action: which === "checkIn" ? "room.check_in_token_regenerated" : "room.ical_token_regenerated",
      objectKind: "room",
      objectId: roomId,
      actor: adminActor(actor),
    });
    return toFacts(row, (await listRoomPhotos([roomId], tx)).get(roomId) ?? []);
  });
}
