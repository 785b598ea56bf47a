import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { useFakeCampus } from "@/lib/clients/campus/testing/use-fake-campus";
import { getDb } from "@/lib/db";
import { campusFiles, storedFiles } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { room } from "@/lib/jobs/testing/fixtures";
import { addRoomPhoto } from "@/lib/services/rooms/photos/add-room-photo";
import { getRoomPhoto } from "@/lib/services/rooms/photos/get-room-photo";
import { removeRoomPhoto } from "@/lib/services/rooms/photos/remove-room-photo";
import { dbFileStore } from "./db-file-store";
import { fileStore, getFile } from "./index";
import { campusFileStore } from "./campus-file-store";

useTestDb();
const fake = useFakeCampus();
const SUPER = { id: 1, username: "admin", privileged: true };

describe("room photos in the campus file center (CAMPUS_API_BASE set)", () => {
  it("are uploaded to the platform, served back through our store, and deleted there with the photo", async () => {
    expect(fileStore()).toBe(campusFileStore);
    const r = await room("CF-P");
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#228844" } }).jpeg().toBuffer();
    const db = await getDb();
    const inDbBefore = (await db.select({ id: storedFiles.id }).from(storedFiles)).length;

    const photo = await addRoomPhoto(SUPER, r.id, jpeg);
    const sent = fake().state.files;
    expect(sent.size).toBe(1);
    const [platformId] = [...sent.keys()];
    expect((await db.select().from(campusFiles)).map((f) => f.id)).toContain(String(platformId));
    expect((await db.select({ id: storedFiles.id }).from(storedFiles)).length).toBe(inDbBefore); // nothing in our DB

    const served = await getRoomPhoto(photo.id);
    expect(served.contentType).toBe("image/jpeg");
    expect((await sharp(served.data).metadata()).width).toBe(800);

    await removeRoomPhoto(SUPER, r.id, photo.id);
    expect(fake().state.deletedFiles.map(String)).toContain(String(platformId));
    await expect(getRoomPhoto(photo.id)).rejects.toMatchObject({ code: 4040 });
  });

  it("still reads files written to the database before the integration was turned on", async () => {
    const id = await dbFileStore.put(Buffer.from("old bytes"), "text/plain");
    expect((await getFile(id))?.data.toString()).toBe("old bytes");
  });
});
