import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { admins, rooms } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { asRequest, auditRows, errOf } from "@/lib/services/audit/testing/audit-rows";
import { applyRoomsSheet } from "@/lib/services/rooms-sheet/apply-rooms-sheet";
import { HEADERS, SHEET_NAME } from "@/lib/services/rooms-sheet/sheet-format";
import { uploadRoomsSheet } from "@/lib/services/rooms-sheet/upload-rooms-sheet";
import { addRoomSchema, editRoomSchema, setRoomAvailabilitySchema } from "@/lib/validation/room";
import { addOapiRoom, addRoom, editRoom, updateOapiRoom } from "./write-room";
import { removeOapiRoom } from "./remove-oapi-room";
import { setRoomAvailability } from "./set-room-availability";

useTestDb();
let root: SessionAdmin;
const asRoot = <T,>(fn: () => Promise<T>) => asRequest("console", { kind: "admin", id: root.id, name: root.username }, fn);
const asApp = <T,>(fn: () => Promise<T>) => asRequest("openapi", { kind: "openapi", id: 1, name: "app-one" }, fn);

beforeEach(async () => {
  const db = await getDb();
  await db.execute(sql`truncate admins, rooms, room_uploads, audit_log restart identity cascade`);
  const [r] = await db.insert(admins).values({ username: "admin", passwordHash: "x", privileged: true }).returning();
  root = { id: r.id, username: "admin", privileged: true };
});

describe("room audit", () => {
  it("created, edited, closed and opened, each with before/after of what changed", async () => {
    const room = await asRoot(() => addRoom(root, addRoomSchema.parse({ place: "逸夫楼301", size: "30" })));
    const id = room.roomId;
    await asRoot(() => editRoom(root, editRoomSchema.parse({ roomId: id, size: "40" })));
    await asRoot(() => setRoomAvailability(root, setRoomAvailabilitySchema.parse({ roomId: id, available: "0" })));
    await asRoot(() => setRoomAvailability(root, setRoomAvailabilitySchema.parse({ roomId: id, available: "1" })));
    const rows = await auditRows({ objectKind: "room" });
    expect(rows.map((r) => r.action)).toEqual(["room.created", "room.edited", "room.closed", "room.opened"]);
    for (const r of rows) expect(r).toMatchObject({ actorKind: "admin", actorName: "admin", channel: "console", objectId: String(id) });
    expect(rows[0].after).toEqual({ place: "逸夫楼301", size: 30, available: true });
    expect(rows[1]).toMatchObject({ before: { size: 30 }, after: { size: 40 } });
    expect(rows[2]).toMatchObject({ before: { available: true }, after: { available: false } });
  });

  it("a duplicate place is refused and records nothing", async () => {
    await asRoot(() => addRoom(root, addRoomSchema.parse({ place: "A1", size: "3" })));
    const before = await auditRows();
    expect(await errOf(asRoot(() => addRoom(root, addRoomSchema.parse({ place: "A1", size: "3" }))))).toBe(4002);
    const b = await asRoot(() => addRoom(root, addRoomSchema.parse({ place: "B1", size: "3" })));
    expect(await errOf(asRoot(() => editRoom(root, editRoomSchema.parse({ roomId: b.roomId, place: "A1" }))))).toBe(4002);
    expect((await auditRows()).length).toBe(before.length + 1);
  });

  it("a sheet import is one room.imported row with the counts", async () => {
    await (await getDb()).insert(rooms).values([{ place: "旧A", size: 5 }, { place: "旧B", size: 5 }]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEET_NAME);
    ws.addRow([...HEADERS]);
    ws.addRow(["旧A", 8, 1]);
    ws.addRow(["新C", 10, 1]);
    await uploadRoomsSheet(root, { name: "rooms.xlsx", bytes: Buffer.from(await wb.xlsx.writeBuffer()) });
    await asRoot(() => applyRoomsSheet(root));
    const [row] = await auditRows({ action: "room.imported" });
    expect(row).toMatchObject({ actorName: "admin", channel: "console", after: { added: 1, updated: 1, closed: 1, addedPlaces: ["新C"] } });
  });

  it("Open API room writes are recorded as the app", async () => {
    const created = await asApp(() => addOapiRoom({ name: "开放会议室", capacity: 12 }));
    const id = Number(created.id);
    await asApp(() => updateOapiRoom(id, { capacity: 16 }));
    expect(await errOf(asApp(() => updateOapiRoom(999999, { capacity: 1 })))).toBe(4040);
    await asApp(() => removeOapiRoom(id));
    const rows = await auditRows({ objectKind: "room" });
    expect(rows.map((r) => r.action)).toEqual(["room.created", "room.edited", "room.removed"]);
    for (const r of rows) expect(r).toMatchObject({ actorKind: "openapi", actorName: "app-one", channel: "openapi", objectId: String(id) });
    expect(rows[1]).toMatchObject({ before: { size: 12 }, after: { size: 16 } });
  });
});
