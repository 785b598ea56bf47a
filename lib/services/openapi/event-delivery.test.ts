import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSubscriber, type FakeSubscriber } from "@/lib/clients/subscriber/testing/fake-subscriber";
import { generateAesKey } from "@/lib/crypto/dingtalk-callback";
import { getDb } from "@/lib/db";
import { useTestDb } from "@/lib/db/testing";
import { openApiSubscriptions, outbox } from "@/lib/db/schema";
import { deliverOutbox } from "@/lib/outbox/deliver-outbox";
import { addDepartment } from "@/lib/services/departments/add-department";
import { updateDepartment } from "@/lib/services/departments/update-department";
import { addOapiRoom } from "@/lib/services/rooms/write-room";
import { addOapiUser } from "@/lib/services/users/add-oapi-user";
import { createAppCredential } from "./create-app-credential";
import { replayEventDelivery } from "./replay-event-delivery";
import { revokeAppCredential } from "./revoke-app-credential";
import { saveSubscription } from "./save-subscription";

// A fake subscriber on this engineer's port range (3152–3159; a Postgres run uses the next port). It verifies every
// push with its own copy of the credentials and records it.

useTestDb();
const PORT = 3152 + (process.env.TEST_DB === "postgres" ? 1 : 0);
let sub: FakeSubscriber;
let cred: Awaited<ReturnType<typeof createAppCredential>>;
const aesKey = generateAesKey();
const token = "tok3n";
let clock = Date.now();
const deliver = () => deliverOutbox({ now: () => new Date(clock) });
const outboxRows = async () => (await getDb()).select().from(outbox).where(eq(outbox.topic, "openapi.event")).orderBy(outbox.id);

beforeAll(async () => {
  cred = await createAppCredential({ name: "subscriber" });
  sub = await startFakeSubscriber({ port: PORT, creds: { token, aesKey, ownerKey: cred.appkey } });
});
afterAll(async () => sub?.stop());

describe("check_url handshake", () => {
  it("refuses to save when the subscriber is slow, holds another key, or cannot be reached; saves when it answers success", async () => {
    const db = await getDb();
    const input = { credentialId: cred.id, callbackUrl: sub.url, aesKey, token };

    sub.mode = "slow";
    await expect(saveSubscription(input)).rejects.toMatchObject({ code: 4002, field: "callbackUrl", message: expect.stringContaining("1500 ms") });
    sub.mode = "ok";
    sub.setCredentials({ token, aesKey: generateAesKey(), ownerKey: cred.appkey });
    await expect(saveSubscription(input)).rejects.toMatchObject({ field: "callbackUrl" });
    expect(sub.rejected.length).toBeGreaterThan(0); // it could not read our check_url either
    sub.setCredentials({ token, aesKey, ownerKey: cred.appkey });
    await expect(saveSubscription({ ...input, callbackUrl: "http://127.0.0.1:1/none" })).rejects.toMatchObject({ field: "callbackUrl" });
    expect(await db.select().from(openApiSubscriptions)).toHaveLength(0);

    sub.received.length = 0;
    sub.rejected.length = 0;
    await saveSubscription(input);
    expect(sub.received.map((p) => p.event)).toEqual([{ event_type: "check_url" }]);
    expect(Object.keys(sub.received[0].body).sort()).toEqual(["encrypt", "msg_signature", "nonce", "timeStamp"]);
    expect(await db.select().from(openApiSubscriptions)).toHaveLength(1);
  });
});

describe("event pushes", () => {
  it("are delivered verified, then wait while the subscriber is down and arrive once, in order, when it is back", async () => {
    sub.received.length = 0;
    const dept = await addDepartment({ name: "技术部" });
    const room = await addOapiRoom({ name: "推送会议室", capacity: 8 });
    expect(await deliver()).toMatchObject({ delivered: 2, retrying: 0 });
    expect(sub.received.map((p) => p.event.event_type)).toEqual(["dept_add", "room_add"]);
    expect(sub.received[1].event.value).toEqual([room]);

    await sub.stop();
    await updateDepartment({ id: dept.id, name: "研发部" });
    await updateDepartment({ id: dept.id, name: "研发中心" });
    const user = await addOapiUser({ name: "新人", account: "newbie" });
    expect(await deliver()).toMatchObject({ delivered: 0, retrying: 2 }); // the second dept_update waits behind the first
    let rows = await outboxRows();
    expect(rows.filter((r) => r.status === "pending")).toHaveLength(3);
    expect(rows.find((r) => r.status === "pending" && r.attempts === 1)?.lastError).toMatch(/request failed/);

    clock += 10_000; // not due yet (back-off)
    await sub.start();
    expect(await deliver()).toMatchObject({ delivered: 0 });
    clock += 60_000;
    // Both due messages, then (next round) the ordered follower once its predecessor is through.
    expect(await deliver()).toMatchObject({ delivered: 3 });
    expect(await deliver()).toMatchObject({ delivered: 0, retrying: 0 });
    const types = sub.received.slice(2).map((p) => `${p.event.event_type}:${(p.event.value as { name: string }[])[0].name}`);
    expect(types.sort()).toEqual(["dept_update:研发中心", "dept_update:研发部", "user_add:新人"].sort());
    const deptEvents = sub.received.filter((p) => p.event.event_type === "dept_update").map((p) => (p.event.value as { name: string }[])[0].name);
    expect(deptEvents).toEqual(["研发部", "研发中心"]);
    expect(sub.rejected).toEqual([]);
    rows = await outboxRows();
    expect(rows.every((r) => r.status === "delivered")).toBe(true);
    expect(user.account).toBe("newbie");
  });

  it("a wrong answer is retried and never marked delivered", async () => {
    sub.mode = "wrong-answer";
    sub.received.length = 0;
    await addOapiRoom({ name: "错误应答会议室" });
    expect(await deliver()).toMatchObject({ delivered: 0, retrying: 1 });
    clock += 3_600_000;
    expect(await deliver()).toMatchObject({ delivered: 0, retrying: 1 });
    expect(sub.received).toHaveLength(2); // it did receive (and could read) the push both times
    const [row] = (await outboxRows()).filter((r) => r.status !== "delivered");
    expect(row).toMatchObject({ status: "pending", attempts: 2, lastError: expect.stringContaining('"fail"') });
    sub.mode = "ok";
    clock += 3_600_000;
    expect(await deliver()).toMatchObject({ delivered: 1 });
  });

  it("replay sends a delivered event again with a fresh budget of tries", async () => {
    const [last] = (await outboxRows()).filter((r) => r.status === "delivered").slice(-1);
    const before = sub.received.length;
    await replayEventDelivery(last.id, new Date(clock));
    expect((await outboxRows()).find((r) => r.id === last.id)).toMatchObject({ status: "pending", attempts: 0 });
    expect(await deliver()).toMatchObject({ delivered: 1 });
    expect(sub.received.length).toBe(before + 1);
    await expect(replayEventDelivery(999999)).rejects.toMatchObject({ code: 4040 });
  });

  it("a revoked app's pending events fail permanently; no new ones are written", async () => {
    sub.mode = "error";
    await addOapiRoom({ name: "撤销前会议室" });
    expect(await deliver()).toMatchObject({ retrying: 1 });
    await revokeAppCredential(cred.id);
    await addOapiRoom({ name: "撤销后会议室" });
    clock += 3_600_000;
    expect(await deliver()).toMatchObject({ failed: 1 });
    const rows = await outboxRows();
    expect(rows.filter((r) => r.status === "failed")).toHaveLength(1);
    expect(rows.some((r) => JSON.stringify(r.payload).includes("撤销后会议室"))).toBe(false);
  });
});
