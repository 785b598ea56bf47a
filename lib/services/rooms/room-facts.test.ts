import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { auditLog, rooms, roomPhotos, storedFiles } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { resetBookings, room } from "@/lib/jobs/testing/fixtures";
import { getRoomPhoto } from "./photos/get-room-photo";
import { addRoomPhoto, ROOM_PHOTOS_MAX } from "./photos/add-room-photo";
import { listRoomPhotos } from "./photos/list-room-photos";
import { removeRoomPhoto } from "./photos/remove-room-photo";
import { getRoomAvailability } from "./get-room-availability";
import { updateRoomFacts } from "./room-facts";
import { updateRoomSettings } from "./room-settings";
import { addDays } from "@/lib/zoned-time";
import { formatDate } from "@/lib/time";
import { roomFactsSchema } from "@/lib/validation/room-facts";

useTestDb();

const SUPER = { id: 1, username: "admin", privileged: true };
const PLAIN = { id: 2, username: "helper", privileged: false };
const tomorrow = () => addDays(formatDate(new Date()), 1);

beforeEach(async () => {
  await resetBookings();
});

describe("room facts", () => {
  it("stores building, floor, known equipment and description with an audit row; unknown equipment is refused", async () => {
    const r = await room("RF-1");
    // Through the endpoint's schema: text is trimmed, a comma-separated list is split.
    const f = await updateRoomFacts(SUPER, roomFactsSchema.parse({ roomId: String(r.id), building: " 图书馆 ", floor: "3", equipment: "白板,投影仪", description: "靠窗", checkInRequired: "true" }));
    // Kept in the list's own order.
    expect(f).toMatchObject({ building: "图书馆", floor: "3", equipment: ["投影仪", "白板"], description: "靠窗", checkInRequired: true });
    expect(f.checkInToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await expect(updateRoomFacts(SUPER, { roomId: r.id, equipment: ["激光笔"] })).rejects.toMatchObject({ code: 4002, field: "equipment" });
    await expect(updateRoomFacts(PLAIN, { roomId: r.id, floor: "4" })).rejects.toMatchObject({ code: 1006 });
    await expect(updateRoomFacts(SUPER, { roomId: 999999, floor: "4" })).rejects.toMatchObject({ code: 4002 });

    // An admin-added name becomes pickable, and cannot be removed while a room lists it.
    await updateRoomSettings(SUPER, { checkInBeforeMinutes: 10, checkInAfterMinutes: 15, extraEquipment: ["激光笔"] });
    expect((await updateRoomFacts(SUPER, { roomId: r.id, equipment: ["激光笔", "投影仪"] })).equipment).toEqual(["投影仪", "激光笔"]);
    await expect(updateRoomSettings(SUPER, { checkInBeforeMinutes: 10, checkInAfterMinutes: 15, extraEquipment: [] })).rejects.toMatchObject({ field: "extraEquipment" });

    const db = await getDb();
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "room.facts_changed"));
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actorKind: "admin", objectId: String(r.id) });
  });

  it("the search filters by building and by equipment (a room must have every one asked for)", async () => {
    const a = await room("RFS-A");
    const b = await room("RFS-B");
    const c = await room("RFS-C");
    await updateRoomFacts(SUPER, { roomId: a.id, building: "理科楼", equipment: ["投影仪", "白板"] });
    await updateRoomFacts(SUPER, { roomId: b.id, building: "理科楼", equipment: ["白板"] });
    await updateRoomFacts(SUPER, { roomId: c.id, building: "文科楼", equipment: ["投影仪", "白板", "视频会议"] });
    const search = async (filters: { building?: string; equipment?: string[] }) =>
      (await getRoomAvailability({ roomId: 0, date: tomorrow(), duration: 60, size: 0, ...filters })).rooms
        .map((r) => r.place)
        .filter((p) => p.startsWith("RFS-"))
        .sort();
    expect(await search({})).toEqual(expect.arrayContaining(["RFS-A", "RFS-B", "RFS-C"]));
    expect(await search({ building: "理科楼" })).toEqual(["RFS-A", "RFS-B"]);
    expect(await search({ equipment: ["投影仪"] })).toEqual(["RFS-A", "RFS-C"]);
    expect(await search({ equipment: ["投影仪", "视频会议"] })).toEqual(["RFS-C"]);
    expect(await search({ building: "理科楼", equipment: ["投影仪"] })).toEqual(["RFS-A"]);
    const one = (await getRoomAvailability({ roomId: 0, date: tomorrow(), duration: 60, size: 0, building: "文科楼" })).rooms[0];
    expect(one).toMatchObject({ building: "文科楼", equipment: ["投影仪", "白板", "视频会议"] });
  });
});

describe("room photos", () => {
  it("re-encodes (EXIF dropped), keeps at most 6 in order, and removes photo and bytes together", async () => {
    const r = await room("RF-P");
    const withExif = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: "#3366cc" } })
      .jpeg()
      .withExif({ IFD0: { Copyright: "secret-place", Make: "Phone" } })
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();

    const first = await addRoomPhoto(SUPER, r.id, withExif);
    expect(first).toMatchObject({ width: 1600, height: 1067, path: `/room-photo/${first.id}` });
    const stored = await getRoomPhoto(first.id);
    expect(stored.contentType).toBe("image/jpeg");
    const meta = await sharp(stored.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(stored.data.includes(Buffer.from("secret-place"))).toBe(false);

    await expect(addRoomPhoto(SUPER, r.id, Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).rejects.toMatchObject({ code: 4001 });
    await expect(addRoomPhoto(PLAIN, r.id, withExif)).rejects.toMatchObject({ code: 1006 });
    for (let i = 1; i < ROOM_PHOTOS_MAX; i++) await addRoomPhoto(SUPER, r.id, withExif);
    await expect(addRoomPhoto(SUPER, r.id, withExif)).rejects.toMatchObject({ code: 4002, field: "photo" });

    const photos = (await listRoomPhotos([r.id])).get(r.id)!;
    expect(photos).toHaveLength(6);
    expect(photos[0].id).toBe(first.id);

    const db = await getDb();
    const filesBefore = (await db.select({ id: storedFiles.id }).from(storedFiles)).length;
    await removeRoomPhoto(SUPER, r.id, first.id);
    await expect(getRoomPhoto(first.id)).rejects.toMatchObject({ code: 4040 });
    expect((await db.select({ id: storedFiles.id }).from(storedFiles)).length).toBe(filesBefore - 1);
    await expect(removeRoomPhoto(SUPER, r.id, first.id)).rejects.toMatchObject({ code: 4002 });
    const actions = (await db.select().from(auditLog).where(eq(auditLog.objectId, String(r.id)))).map((a) => a.action);
    expect(actions.filter((a) => a === "room.photo_added")).toHaveLength(6);
    expect(actions).toContain("room.photo_removed");

    // Deleting the room takes its photo rows with it.
    await db.delete(roomPhotos).where(eq(roomPhotos.roomId, r.id));
    await db.delete(rooms).where(eq(rooms.id, r.id));
  });
});
