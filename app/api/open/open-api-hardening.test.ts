import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { avatars } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { newOpenClient } from "@/lib/http/testing/open-client";

// Security review findings on the Open API (issue 11 §2.10, §2.11).

useTestDb();
let api: Awaited<ReturnType<typeof newOpenClient>>;
beforeAll(async () => {
  api = await newOpenClient();
});

describe("endpoint names from the URL never reach inherited properties", () => {
  it.each(["__proto__/constructor", "__proto__/__proto__", "constructor/prototype", "user/constructor", "user/__proto__", "user/hasOwnProperty", "room/toString", "nosuch/list"])(
    "%s → the unknown-endpoint envelope, HTTP 404",
    async (path) => {
      const r = await api.call(path, {});
      expect(r.status).toBe(404);
      expect(r.body).toMatchObject({ success: false, code: 71001, message: expect.stringContaining("Unknown endpoint") });
    },
  );
});

describe("user/updateFace re-encodes the picture", () => {
  it("stores a fresh JPEG without the upload's EXIF", async () => {
    const add = await api.call("user/add", { name: "脸", account: "face-exif" });
    const id = add.body.value.id as string;
    const noise = Buffer.from(Array.from({ length: 640 * 480 * 3 }, () => Math.floor(Math.random() * 256)));
    const jpeg = await sharp(noise, { raw: { width: 640, height: 480, channels: 3 } })
      .jpeg({ quality: 95 })
      .withExif({ IFD0: { Copyright: "GPS 39.9N 116.4E secret", Artist: "camera-owner" } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    expect(jpeg.length).toBeGreaterThan(200 * 1024);

    const form = new FormData();
    form.set("userId", id);
    form.set("file", new File([new Uint8Array(jpeg)], "face.jpg", { type: "image/jpeg" }));
    const r = await api.call("user/updateFace", undefined, { raw: form });
    expect(r.body).toMatchObject({ success: true, value: { faceUrl: expect.stringContaining("/meeting/avatar/") } });

    const avatarId = (r.body.value.faceUrl as string).split("/").pop()!;
    const [row] = await (await getDb()).select().from(avatars).where(eq(avatars.id, avatarId));
    expect(row.contentType).toBe("image/jpeg");
    const stored = Buffer.from(row.data);
    expect(stored.equals(jpeg)).toBe(false);
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from("secret"))).toBe(false);
    expect([meta.width, meta.height]).toEqual([640, 480]);
  });
});
