import { asc, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { addRoomSchema, editRoomSchema, setRoomAvailabilitySchema } from "@/lib/validation/room";
import { at, makeBooking, makeUser } from "@/lib/services/testing/fixtures";
import { getRoom } from "./get-room";
import { listAllRooms, listRoomsPage } from "./list-all-rooms";
import { listOpenRooms } from "./list-open-rooms";
import { removeOapiRoom } from "./remove-oapi-room";
import { setRoomAvailability } from "./set-room-availability";
import { addRoom, editRoom, updateOapiRoom } from "./write-room";

useTestDb();
const errOf = (p: Promise<unknown>) => p.then(() => null, (e) => ({ code: e.code, message: e.message }));
const root: SessionAdmin = { id: 1, username: "admin", privileged: true };
const normal: SessionAdmin = { id: 2, username: "normal", privileged: false };
const roomsNow = async () => (await getDb()).select().from(rooms).orderBy(asc(rooms.id));

beforeEach(async () => {
  await (await getDb()).execute(sql`truncate rooms restart identity cascade`);
});

describe("room management", () => {
  it("adds, edits, opens and closes rooms with the spreadsheet's rules; ids never change", async () => {
    const a = await addRoom(root, addRoomSchema.parse({ place: " 逸夫楼101 ", size: "50" }));
    expect(a).toEqual({ roomId: a.roomId, place: "逸夫楼101", size: 50, available: 1 });
    const b = await addRoom(root, addRoomSchema.parse({ place: "逸夫楼201", size: 40, available: "0" }));
    expect(b.available).toBe(0);
    expect(await editRoom(root, editRoomSchema.parse({ roomId: String(a.roomId), place: "逸夫楼102", size: "60" }))).toEqual({
      roomId: a.roomId,
      place: "逸夫楼102",
      size: 60,
      available: 1,
    });
    expect((await setRoomAvailability(root, setRoomAvailabilitySchema.parse({ roomId: String(b.roomId), available: "1" }))).available).toBe(1);
    expect(await listAllRooms(root)).toEqual([
      { roomId: a.roomId, place: "逸夫楼102", size: 60, available: 1 },
      { roomId: b.roomId, place: "逸夫楼201", size: 40, available: 1 },
    ]);
    expect(await getRoom(b.roomId)).toEqual({ roomId: b.roomId, place: "逸夫楼201", size: 40, available: 1 });
  });

  it("refuses taken places, unknown ids and normal admins without writing", async () => {
    const a = await addRoom(root, addRoomSchema.parse({ place: "A", size: 5 }));
    await addRoom(root, addRoomSchema.parse({ place: "B", size: 5 }));
    const before = await roomsNow();
    expect(await errOf(addRoom(root, addRoomSchema.parse({ place: "A", size: 5 })))).toEqual({ code: 4002, message: "数据格式有误(place: 该地点已有会议室)" });
    expect(await errOf(editRoom(root, editRoomSchema.parse({ roomId: String(a.roomId), place: "B" })))).toMatchObject({ code: 4002 });
    expect(await errOf(editRoom(root, editRoomSchema.parse({ roomId: "999", size: 3 })))).toEqual({ code: 4002, message: "数据格式有误(roomId: 会议室 999 不存在)" });
    expect(await errOf(addRoom(normal, addRoomSchema.parse({ place: "C", size: 5 })))).toMatchObject({ code: 1006 });
    expect(await errOf(listAllRooms(null as never))).toMatchObject({ code: 1005 });
    expect(await errOf(getRoom(999))).toMatchObject({ code: 4002 });
    expect(await roomsNow()).toEqual(before);
  });

  it("validates like the spreadsheet", () => {
    for (const bad of [{ place: "", size: 5 }, { place: "A", size: 0 }, { place: "A", size: "2.5" }, { place: "A", size: "x" }, { place: "A", size: 5, available: "2" }, { place: "x".repeat(65), size: 5 }]) {
      expect(addRoomSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("a room removed through the Open API (kept for its bookings)", () => {
  it("is no room any more for the console, the room page and the Open API; its place stays taken", async () => {
    const kept = await addRoom(root, addRoomSchema.parse({ place: "旧楼101", size: 8 }));
    const other = await addRoom(root, addRoomSchema.parse({ place: "新楼101", size: 8 }));
    await makeBooking({ roomId: kept.roomId, userId: (await makeUser()).id, start: at(2, 9), minutes: 60 });
    await removeOapiRoom(kept.roomId);
    expect((await roomsNow()).find((r) => r.id === kept.roomId)?.removedAt).not.toBeNull();

    expect((await listAllRooms(root)).map((r) => r.roomId)).toEqual([other.roomId]);
    expect(await listRoomsPage(root, { page: 1, size: 10 })).toMatchObject({ count: 1, rooms: [{ roomId: other.roomId }] });
    expect((await listOpenRooms()).map((r) => r.id)).toEqual([other.roomId]);
    expect(await errOf(getRoom(kept.roomId))).toMatchObject({ code: 4002 });
    expect(await errOf(setRoomAvailability(root, setRoomAvailabilitySchema.parse({ roomId: String(kept.roomId), available: "1" })))).toEqual({
      code: 4002,
      message: `数据格式有误(roomId: 会议室 ${kept.roomId} 不存在)`,
    });
    expect(await errOf(updateOapiRoom(kept.roomId, { capacity: 20 }))).toMatchObject({ code: 4040 });
    expect(await errOf(addRoom(root, addRoomSchema.parse({ place: "旧楼101", size: 5 })))).toMatchObject({ code: 4002 });
    expect((await roomsNow()).find((r) => r.id === kept.roomId)).toMatchObject({ available: false, size: 8 });
  });
});

describe("the console's rooms table", () => {
  it("is paged on the server, newest first, and searchable by place", async () => {
    for (let i = 1; i <= 25; i++) await addRoom(root, addRoomSchema.parse({ place: `分页楼${String(i).padStart(3, "0")}`, size: 5, available: i % 5 === 0 ? 0 : 1 }));
    const first = await listRoomsPage(root, { page: 1, size: 10, q: "分页楼" });
    expect(first.count).toBe(25);
    expect(first.openCount).toBe(20);
    expect(first.rooms.map((r) => r.place).slice(0, 2)).toEqual(["分页楼025", "分页楼024"]);
    const last = await listRoomsPage(root, { page: 9, size: 10, q: "分页楼" });
    expect(last.page).toBe(3);
    expect(last.rooms).toHaveLength(5);
    expect((await listRoomsPage(root, { page: 1, size: 10, q: "分页楼01" })).rooms.map((r) => r.place).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `分页楼0${10 + i}`),
    );
    expect((await listRoomsPage(root, { page: 1, size: 10, q: "100%" })).count).toBe(0);
    await expect(listRoomsPage({ ...root, privileged: false }, { page: 1, size: 10 })).rejects.toMatchObject({ code: 1006 });
  });
});
