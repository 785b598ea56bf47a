import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { useTestDb } from "@/lib/db/testing";
import { openApiTokens, outbox, users } from "@/lib/db/schema";
import { hashSecret } from "@/lib/services/openapi/hash-secret";
import { revokeAppCredential } from "@/lib/services/openapi/revoke-app-credential";
import { newOpenClient } from "@/lib/http/testing/open-client";

useTestDb();
let api: Awaited<ReturnType<typeof newOpenClient>>;
beforeAll(async () => {
  api = await newOpenClient();
});

describe("departments", () => {
  it("add, tree, update, cycle refused, remove", async () => {
    const a = await api.call("dept/add", { name: "技术部", parentId: "" });
    expect(a.body).toMatchObject({ success: true, code: 10000, value: { name: "技术部", parentId: "" } });
    expect(a.body.value.id).toMatch(/^[0-9A-F]{32}$/);
    const b = await api.call("dept/add", { name: "安卓部", parentId: a.body.value.id, id: "ANDROID" });
    expect(b.body.value).toMatchObject({ id: "ANDROID", parentId: a.body.value.id });
    const cyc = await api.call("dept/update", { id: a.body.value.id, parentId: "ANDROID" });
    expect(cyc.body).toMatchObject({ success: false, code: 71001 });
    const missingParent = await api.call("dept/add", { name: "x", parentId: "NOPE" });
    expect(missingParent.body.code).toBe(71010);
    const list = await api.call("dept/list");
    expect(list.body.value).toHaveLength(2);
    expect((await api.call("dept/remove", { deptId: a.body.value.id })).body.code).toBe(71001); // has a child
    expect((await api.call("dept/remove", { deptId: "ANDROID" })).body).toEqual({ success: true, code: 10000, message: "", fieldErrors: {} });
    expect((await api.call("dept/get", { deptId: "ANDROID" })).body.code).toBe(71010);
    expect((await api.call("dept/get", {})).body).toMatchObject({ code: 71005, message: "Lack deptId arguments" });
  });
});

describe("users", () => {
  it("add, duplicate account and phone, get, update, remove", async () => {
    const add = await api.call("user/add", { name: "彦祖", account: "yanzu", phone: "13800000001", position: "经理", isAdmin: 1 });
    expect(add.body.value).toMatchObject({ name: "彦祖", account: "yanzu", phone: "13800000001", position: "经理", status: 1, admin: true });
    const id = add.body.value.id;
    expect((await api.call("user/add", { name: "x", account: "YANZU" })).body.code).toBe(71006);
    expect((await api.call("user/add", { name: "x", account: "other", phone: "13800000001" })).body.code).toBe(71007);
    expect((await api.call("user/add", { name: "x" })).body).toMatchObject({ code: 71005, fieldErrors: { account: expect.any(String) } });
    expect((await api.call("user/add", { name: { a: 1 }, account: "q" })).body.code).toBe(71008);
    expect((await api.call("user/get", { userId: id })).body.value.account).toBe("yanzu");
    expect((await api.call("user/get", { userId: "999999" })).body.code).toBe(71009);
    const upd = await api.call("user/update", { id, memo: "备注", status: "0" });
    expect(upd.body.value).toMatchObject({ memo: "备注", status: 0 });
    const db = await getDb();
    expect((await db.select().from(users).where(eq(users.id, Number(id))))[0].userid).toBe("yanzu");
    expect((await api.call("user/ clearFace", { userId: id })).body.success).toBe(true);
    expect((await api.call("user/%20clearFace", { userId: id })).body.success).toBe(true);
    expect((await api.call("user/remove", { userId: id })).body.success).toBe(true);
    expect((await api.call("user/get", { userId: id })).body.code).toBe(71009);
  });
});

describe("rooms", () => {
  it("add with hours and allowed users, update, list, remove", async () => {
    const u = await api.call("user/add", { name: "张三", account: "zhangsan" });
    const add = await api.call("room/add", {
      name: "测试会议室",
      beginTime: "07:00",
      endTime: "23:00",
      capacity: 10,
      size: 5,
      longitude: 113.307039,
      latitude: 23.391208,
      radius: 500,
      needAudit: 1,
      permission: 1,
      userIds: [u.body.value.id],
    });
    expect(add.body.value).toMatchObject({ name: "测试会议室", beginTime: "07:00", endTime: "23:00", capacity: 10, size: 5, status: 1, permission: 1, userIds: [u.body.value.id] });
    const id = add.body.value.id;
    expect((await api.call("room/add", { name: "测试会议室" })).body).toMatchObject({ code: 71001, fieldErrors: { name: expect.any(String) } });
    expect((await api.call("room/add", { name: "r2", beginTime: "7点" })).body.code).toBe(71001);
    expect((await api.call("room/add", { name: "r2", userIds: ["424242"] })).body.code).toBe(71009);
    const plain = await api.call("room/add", { name: "普通会议室" });
    expect(plain.body.value).toMatchObject({ beginTime: "08:00", endTime: "22:00", capacity: 10, needAudit: 1, permission: 0 });
    const upd = await api.call("room/update", { id, status: 0, sceneImage: "", userIds: [] });
    expect(upd.body.value).toMatchObject({ status: 0, userIds: [] });
    expect((await api.call("room/list")).body.value).toHaveLength(2);
    expect((await api.call("room/remove", { roomId: plain.body.value.id })).body.success).toBe(true);
    expect((await api.call("room/get", { roomId: plain.body.value.id })).body.code).toBe(71011);
  });
});

describe("room facts in the room object", () => {
  it("carries building, floor, equipment, description, check-in and photos; the first photo stands in for an empty sceneImage", async () => {
    const add = await api.call("room/add", { name: "设施会议室", building: "图书馆", floor: "3", equipment: ["白板", "投影仪"], description: "靠窗", checkInRequired: 1 });
    expect(add.body.value).toMatchObject({ building: "图书馆", floor: "3", equipment: ["投影仪", "白板"], description: "靠窗", checkInRequired: 1, photos: [], sceneImage: "" });
    const bad = await api.call("room/update", { id: add.body.value.id, equipment: ["激光笔"] });
    expect(bad.body).toMatchObject({ success: false, code: 71001 });
    const { addRoomPhoto } = await import("@/lib/services/rooms/photos/add-room-photo");
    const sharp = (await import("sharp")).default;
    const img = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#888888" } }).png().toBuffer();
    const photo = await addRoomPhoto({ id: 1, username: "admin", privileged: true }, Number(add.body.value.id), img);
    const got = (await api.call("room/get", { roomId: add.body.value.id })).body.value;
    expect(got.photos).toEqual([expect.stringMatching(new RegExp(`/meeting/room-photo/${photo.id}$`))]);
    expect(got.sceneImage).toBe(got.photos[0]);
    await api.call("room/update", { id: add.body.value.id, sceneImage: "https://img.example/scene.jpg" });
    expect((await api.call("room/get", { roomId: add.body.value.id })).body.value.sceneImage).toBe("https://img.example/scene.jpg");
  });
});

describe("tokens", () => {
  it("missing, illegal", async () => {
    expect((await api.call("user/list", {}, { token: null })).body).toMatchObject({ success: false, code: 71002 });
    expect((await api.call("user/list", {}, { token: "nope" })).body).toMatchObject({ success: false, code: 71003 });
  });
  it("expired (71004), and unknown once the app is revoked (71003)", async () => {
    const db = await getDb();
    const other = await newOpenClient();
    expect((await other.call("user/list")).body.success).toBe(true);
    await db.update(openApiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(openApiTokens.tokenHash, hashSecret(other.token)));
    expect((await other.call("user/list")).body).toMatchObject({ success: false, code: 71004 });
    const third = await newOpenClient();
    await revokeAppCredential(third.cred.id);
    expect((await third.call("user/list")).body).toMatchObject({ success: false, code: 71003 });
    // Tokens are stored hashed: the clear token appears nowhere in the table.
    const stored = await db.select().from(openApiTokens);
    expect(stored.some((t) => t.tokenHash === third.token || t.tokenHash === other.token)).toBe(false);
  });
  it("no event is recorded without a subscription", async () => {
    const db = await getDb();
    expect(await db.select().from(outbox)).toHaveLength(0);
  });
});
