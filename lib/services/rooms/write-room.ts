import "server-only";
import { and, eq } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb, pgErrorCode, type Tx } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import { AppError, badInput, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { changedFields, roomSummary } from "@/lib/services/audit/summaries";
import { requireSuper } from "@/lib/services/authz";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { loadOpenRooms } from "@/lib/services/openapi/load-open-rooms";
import type { AddRoomInput, EditRoomInput } from "@/lib/validation/room";
import { activeRoom } from "./active-room";
import { applyRoomRefs, assertHours, roomColumns, type OpenRoomFields } from "./open-room-input";
import { toRoom, type RoomView } from "./to-room";

// THE room write, for the console (rooms page) and the Open API (room/add, room/update): one transaction that writes
// the row and the caller's related rows, pushes the Open API event (room_add / room_update) and records the audit
// entry; a place another room holds (tombstones included) is 4002 naming the caller's field; only active rooms are
// changed. The four entry points below differ only in their input and in what they answer.

type RoomRow = typeof rooms.$inferSelect;
type NewRoom = typeof rooms.$inferInsert;
type AuditEntry = { action: string; before?: Record<string, unknown>; after: Record<string, unknown> };

interface RoomWrite<R> {
  /** Where a taken place is reported (the console's `place`, the Open API's `name`). */
  placeTaken: { field: string; message: string };
  /** Related rows written in the same transaction (Open API references): before the row (id null on add) and after it. */
  related?: (tx: Tx, roomId: number | null) => Promise<void>;
  /** The answer, read inside the transaction. */
  view: (tx: Tx, row: RoomRow) => Promise<R> | R;
}

async function inRoomTransaction<R>(w: RoomWrite<R>, run: (tx: Tx) => Promise<R>): Promise<R> {
  const db = await getDb();
  try {
    return await db.transaction(run);
  } catch (e) {
    if (pgErrorCode(e) === "23505") throw badInput(w.placeTaken.field, w.placeTaken.message);
    throw e;
  }
}

/** `values` is read after the related rows are checked (they normalise the input, e.g. the equipment's order). */
async function createRoom<R>(values: () => NewRoom, audit: (row: RoomRow) => Record<string, unknown>, w: RoomWrite<R>): Promise<R> {
  return inRoomTransaction(w, async (tx) => {
    await w.related?.(tx, null);
    const [row] = await tx.insert(rooms).values(values()).returning();
    await w.related?.(tx, row.id);
    await emitOpenEvent(tx, "room_add", [row.id]);
    await recordAudit(tx, { action: "room.created", objectKind: "room", objectId: row.id, after: audit(row) });
    return w.view(tx, row);
  });
}

async function updateRoom<R>(
  id: number,
  change: (current: RoomRow) => Partial<NewRoom>,
  audit: (before: RoomRow, after: RoomRow) => AuditEntry,
  w: RoomWrite<R> & { missing: () => AppError; check?: (current: RoomRow) => void },
): Promise<R> {
  return inRoomTransaction(w, async (tx) => {
    const [current] = await tx.select().from(rooms).where(and(eq(rooms.id, id), activeRoom())).for("update");
    if (!current) throw w.missing();
    w.check?.(current);
    await w.related?.(tx, id);
    const set = change(current);
    const [row] = await tx.update(rooms).set({ ...set, updatedAt: new Date() }).where(eq(rooms.id, id)).returning();
    await emitOpenEvent(tx, "room_update", [id]);
    await recordAudit(tx, { objectKind: "room", objectId: id, ...audit(current, row) });
    return w.view(tx, row);
  });
}

// ---- the console (super admins) ----

const consoleWrite: RoomWrite<RoomView> = { placeTaken: { field: "place", message: "该地点已有会议室" }, view: (_tx, row) => toRoom(row) };

export async function addRoom(actor: SessionAdmin, input: AddRoomInput): Promise<RoomView> {
  requireSuper(actor);
  return createRoom(() => ({ place: input.place, size: input.size, available: (input.available ?? 1) === 1 }), roomSummary, consoleWrite);
}

/** Changes a room's place, size or open flag; the id never changes, so bookings keep pointing at it. */
export async function editRoom(actor: SessionAdmin, input: EditRoomInput): Promise<RoomView> {
  requireSuper(actor);
  return updateRoom(
    input.roomId,
    () => ({
      ...(input.place !== undefined ? { place: input.place } : {}),
      ...(input.size !== undefined ? { size: input.size } : {}),
      ...(input.available !== undefined ? { available: input.available === 1 } : {}),
    }),
    (old, row) => {
      const diff = changedFields(roomSummary(old), roomSummary(row));
      const onlyOpenFlag = Object.keys(diff.after).length === 1 && "available" in diff.after;
      return { action: onlyOpenFlag ? (row.available ? "room.opened" : "room.closed") : "room.edited", ...diff };
    },
    { ...consoleWrite, missing: () => badInput("roomId", `会议室 ${input.roomId} 不存在`) },
  );
}

// ---- the Open API (room/add, room/update) ----

/** A room needs a capacity for the booking rule (participants ≤ capacity); the Open API may omit it. */
export const DEFAULT_CAPACITY = 10;

const openWrite = (input: OpenRoomFields) => ({
  placeTaken: { field: "name", message: "会议室名称已存在" },
  related: (tx: Tx, roomId: number | null) => applyRoomRefs(tx, roomId, input),
  view: async (tx: Tx, row: RoomRow) => (await loadOpenRooms(tx, [row.id]))[0],
});

export async function addOapiRoom(input: OpenRoomFields & { name: string }) {
  assertHours(input);
  const values = () => ({ size: DEFAULT_CAPACITY, ...roomColumns(input), place: input.name }) as NewRoom;
  return createRoom(values, () => ({ ...roomColumns(input), place: input.name }), openWrite(input));
}

export async function updateOapiRoom(id: number, input: OpenRoomFields) {
  return updateRoom(
    id,
    () => roomColumns(input),
    (current) => {
      const after = roomColumns(input) as Record<string, unknown>;
      const before = Object.fromEntries(Object.keys(after).map((k) => [k, (current as Record<string, unknown>)[k]]));
      return { action: "room.edited", ...changedFields(before, after) };
    },
    { ...openWrite(input), missing: () => notFound("id", "会议室"), check: (current) => assertHours(input, current) },
  );
}
