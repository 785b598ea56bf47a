import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { avatars, users } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { decodeBmp } from "@/lib/images/decode-bmp";
import { encodeBmp } from "@/lib/images/testing/bmp-fixture";
import { updateProfileSchema } from "@/lib/validation/profile";
import { getAvatar } from "./get-avatar";
import { getProfile } from "./get-profile";
import { listProfiles } from "./list-profiles";
import { updateProfile } from "./update-profile";
import { AVATAR_MAX_BYTES, AVATARS_KEPT, uploadAvatar } from "./upload-avatar";

useTestDb();
const APP_URL = "http://localhost:3000";
const admin = { id: 1, username: "admin", privileged: false };
let alice: typeof users.$inferSelect;
let bob: typeof users.$inferSelect;

beforeAll(async () => {
  const db = await getDb();
  [alice, bob] = await db
    .insert(users)
    .values([
      { userid: "alice01", name: "爱丽丝", role: 1, avatar: "https://wework.qpic.cn/alice/0", phone: "13800138000" },
      { userid: "bob02", name: "鲍勃", role: 2, avatar: "https://wework.qpic.cn/bob/0" },
    ])
    .returning();
});

const errOf = (p: Promise<unknown>) => p.then(() => null, (e) => ({ code: e.code, message: e.message }));
const input = (raw: Record<string, unknown>) => updateProfileSchema.parse(raw);

function gradient(w: number, h: number): Buffer {
  const px = Buffer.alloc(w * h * 4);
  for (let i = 0; i < w * h; i++) px.set([i % 256, (i * 7) % 256, 200, 255], i * 4);
  return px;
}
const rawImage = (w = 40, h = 30) => sharp(gradient(w, h), { raw: { width: w, height: h, channels: 4 } });

describe("getProfile", () => {
  it("returns the legacy Profile fields", async () => {
    expect(await getProfile(alice.id)).toEqual({
      id: alice.id,
      role: 1,
      userid: "alice01",
      avatar: "https://wework.qpic.cn/alice/0",
      name: "爱丽丝",
      age: 0,
      gender: 0,
      phone: "13800138000",
      email: null,
    });
  });
  it("answers 2001 for a user row that is gone", async () => {
    expect(await errOf(getProfile(999999))).toMatchObject({ code: 2001 });
  });
});

describe("updateProfile", () => {
  it("changes the given fields, keeps absent ones, clears empty phone/email", async () => {
    const p = await updateProfile(alice.id, input({ gender: "2", age: "21", email: "a@example.com" }));
    expect(p).toMatchObject({ gender: 2, age: 21, email: "a@example.com", phone: "13800138000", avatar: alice.avatar });
    const q = await updateProfile(alice.id, input({ phone: "", email: "", gender: "", age: "" }));
    expect(q).toMatchObject({ gender: 0, age: 0, phone: null, email: null });
  });

  it("rejects out-of-range and malformed values at the schema", () => {
    for (const bad of [{ gender: "3" }, { gender: "-1" }, { age: "151" }, { age: "x" }, { phone: "1234" }, { email: "nope" }, { email: `${"a".repeat(250)}@x.cn` }]) {
      expect(updateProfileSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("changes the avatar only to one this user uploaded here; any other value keeps the current one, without an error", async () => {
    const png = await rawImage().png().toBuffer();
    const own = await uploadAvatar(alice.id, { bytes: png });
    const others = await uploadAvatar(bob.id, { bytes: png });
    // What the legacy profile page posts back: the default avatar's URL, or its own URL when the <img> was empty.
    const posted = [`${APP_URL}/meeting/default-avatar.png`, `${APP_URL}/meeting/pages/edit_info.html`, ""];
    for (const url of ["https://evil.example/x.png", "javascript:alert(1)", others, `${APP_URL}/meeting/avatar/${"0".repeat(32)}`, `${own}?x`, ...posted]) {
      const p = await updateProfile(alice.id, input({ avatar: url, age: "7" }));
      expect(p.avatar, url).toBe(alice.avatar);
      expect(p.age).toBe(7);
    }
    expect((await getProfile(alice.id)).avatar).toBe(alice.avatar);
    expect((await updateProfile(alice.id, input({ avatar: own }))).avatar).toBe(own);
    // The bare path form is accepted and stored as the absolute URL.
    const id = own.split("/").pop();
    expect((await updateProfile(alice.id, input({ avatar: `/meeting/avatar/${id}` }))).avatar).toBe(own);
    // Keeping the current avatar is always fine.
    expect((await updateProfile(alice.id, input({ avatar: own, age: "30" }))).age).toBe(30);
  });

  it("answers 2002 for a user row that is gone", async () => {
    expect(await errOf(updateProfile(999999, input({ age: "1" })))).toMatchObject({ code: 2002 });
  });
});

describe("uploadAvatar accepts images by content", () => {
  const png = () => rawImage().png().toBuffer();
  const cases: [string, () => Promise<Buffer>][] = [
    ["PNG", png],
    ["JPEG", () => rawImage().jpeg().toBuffer()],
    ["GIF", () => rawImage().gif().toBuffer()],
    ["WebP", () => rawImage().webp().toBuffer()],
    ["BMP 24-bit", async () => encodeBmp(40, 30, gradient(40, 30), 24)],
    ["BMP 32-bit", async () => encodeBmp(40, 30, gradient(40, 30), 32)],
    ["BMP 32-bit bitfields", async () => encodeBmp(40, 30, gradient(40, 30), 32, { bitfields: true })],
  ];
  for (const [name, make] of cases) {
    it(name, async () => {
      const url = await uploadAvatar(alice.id, { bytes: await make() });
      expect(url).toMatch(new RegExp(`^${APP_URL}/meeting/avatar/[0-9a-f]{32}$`));
      const stored = await getAvatar(url.split("/").pop()!);
      expect(stored.contentType).toBe("image/jpeg");
      const meta = await sharp(stored.data).metadata();
      expect(meta).toMatchObject({ format: "jpeg", width: 40, height: 30 });
    });
  }

  it("decodes BMP pixels exactly (bottom-up rows, BGR order)", () => {
    const px = gradient(5, 3);
    expect(decodeBmp(encodeBmp(5, 3, px, 24)).data.equals(px)).toBe(true);
  });

  it("downscales large images to at most 512 px", async () => {
    const big = await rawImage(1600, 900).png().toBuffer();
    const stored = await getAvatar((await uploadAvatar(alice.id, { bytes: big })).split("/").pop()!);
    const meta = await sharp(stored.data).metadata();
    expect([meta.width, meta.height]).toEqual([512, 288]);
  });

  it("refuses a text file named .png, an SVG, a truncated PNG and an empty file with 4001, storing nothing", async () => {
    const db = await getDb();
    const before = (await db.select({ n: count() }).from(avatars))[0].n;
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const truncated = (await png()).subarray(0, 60);
    for (const bytes of [Buffer.from("hello, I am not a picture\n"), svg, truncated, Buffer.alloc(0), Buffer.from("BM garbage that is no bitmap at all")]) {
      expect(await errOf(uploadAvatar(alice.id, { bytes }))).toEqual({ code: 4001, message: "您上传头像的不是图片类型" });
    }
    expect((await db.select({ n: count() }).from(avatars))[0].n).toBe(before);
  });

  it("refuses more than 3 MB with 4002 naming the limit", async () => {
    const bytes = Buffer.concat([await png(), Buffer.alloc(AVATAR_MAX_BYTES)]);
    expect(await errOf(uploadAvatar(alice.id, { bytes }))).toEqual({ code: 4002, message: "数据格式有误(upload: 图片大小不能超过3MB)" });
  });

  it("getAvatar answers 4040 for unknown or malformed ids", async () => {
    expect(await errOf(getAvatar("0".repeat(32)))).toMatchObject({ code: 4040 });
    expect(await errOf(getAvatar("../etc/passwd"))).toMatchObject({ code: 4040 });
  });
});

describe("listProfiles", () => {
  it("needs an admin (1005)", async () => {
    expect(await errOf(listProfiles(null, {}))).toMatchObject({ code: 1005 });
  });

  it("pages with PageHelper semantics, ordered by id", async () => {
    const db = await getDb();
    await db.insert(users).values(Array.from({ length: 12 }, (_, i) => ({ userid: `u${String(i).padStart(2, "0")}`, name: `用户${i}` })));
    const all = await listProfiles(admin, { size: 0 });
    expect(all.count).toBe(14);
    expect(all.rows).toHaveLength(14);
    expect(all.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].sort((a, b) => a - b));
    expect(all.rows[0]).toMatchObject({ userid: "alice01", createTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/) });
    const p2 = await listProfiles(admin, { page: 2, size: 5 });
    expect(p2.rows.map((r) => r.userid)).toEqual(all.rows.slice(5, 10).map((r) => r.userid));
    expect((await listProfiles(admin, { page: 0, size: 5 })).rows[0].userid).toBe("alice01");
    expect((await listProfiles(admin, { page: 99, size: 5 })).rows.map((r) => r.userid)).toEqual(all.rows.slice(10).map((r) => r.userid));
    expect((await listProfiles(admin, {})).rows).toHaveLength(10);
  });

  it("searches userid, name, phone and email, treating % and _ literally", async () => {
    expect((await listProfiles(admin, { size: 0, q: "鲍" })).rows.map((r) => r.userid)).toEqual(["bob02"]);
    expect((await listProfiles(admin, { size: 0, q: "U0" })).count).toBe(10);
    expect((await listProfiles(admin, { size: 0, q: "%" })).count).toBe(0);
    expect((await listProfiles(admin, { size: 0, q: "_" })).count).toBe(0);
  });
});

it("keeps the avatar in use and the latest uploads, dropping older unused ones", async () => {
  const db = await getDb();
  const png = await rawImage().png().toBuffer();
  const inUse = await uploadAvatar(bob.id, { bytes: png });
  await updateProfile(bob.id, input({ avatar: inUse }));
  const later: string[] = [];
  for (let i = 0; i < AVATARS_KEPT + 3; i++) later.push(await uploadAvatar(bob.id, { bytes: png }));
  const ids = (await db.select({ id: avatars.id }).from(avatars).where(eq(avatars.userId, bob.id))).map((r) => r.id).sort();
  const idOf = (u: string) => u.split("/").pop()!;
  expect(ids).toEqual([inUse, ...later.slice(-AVATARS_KEPT)].map(idOf).sort());
  expect((await getProfile(bob.id)).avatar).toBe(inUse);
});
