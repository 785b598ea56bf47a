import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { useTestDb } from "@/lib/db/testing";
import { openApiSubscriptions } from "@/lib/db/schema";
import { newOpenClient } from "@/lib/http/testing/open-client";

/** Meeting times are whole minutes; anything else is refused before the room is looked up. */
const wholeMinute = (ms: number) => Math.ceil(ms / 60_000) * 60_000;

// Bad input on every endpoint: an envelope naming the field (71005 missing, 71008 wrong type, 71001 otherwise;
// 71009–71012 for ids that match nothing), HTTP 200, never a 500, and nothing stored (no rows, no events).

useTestDb();
let api: Awaited<ReturnType<typeof newOpenClient>>;
beforeAll(async () => {
  api = await newOpenClient();
  const db = await getDb();
  // A subscription, so that a change that slipped through would also leave an event behind.
  await db.insert(openApiSubscriptions).values({ credentialId: api.cred.id, callbackUrl: "http://127.0.0.1:1/", aesKey: "a".repeat(43), token: "t", verifiedAt: new Date() });
});

const counts = async () => {
  const db = await getDb();
  const r = await db.execute(sql`select (select count(*) from users) u, (select count(*) from rooms) r, (select count(*) from departments) d,
    (select count(*) from appointments) a, (select count(*) from attendees) t, (select count(*) from outbox) o`);
  return JSON.stringify((r as unknown as { rows?: unknown[] }).rows ?? r);
};

const CASES: [path: string, body: unknown, code: number, field: string][] = [
  ["user/get", {}, 71005, "userId"],
  ["user/get", { userId: { x: 1 } }, 71008, "userId"],
  ["user/get", { userId: "ABCDEF" }, 71009, "userId"],
  ["user/add", { account: "a" }, 71005, "name"],
  ["user/add", { name: "n", account: "a", status: "on" }, 71008, "status"],
  ["user/add", { name: "n", account: "a", email: "not-an-email" }, 71001, "email"],
  ["user/add", { name: "n", account: "a", departmentId: "NOPE" }, 71010, "departmentId"],
  ["user/update", { name: "n" }, 71005, "id"],
  ["user/update", { id: "424242", name: "n" }, 71009, "id"],
  ["user/updateFace", { userId: "1" }, 71005, "file"],
  ["user/clearFace", {}, 71005, "userId"],
  ["user/remove", { userId: "424242" }, 71009, "userId"],
  ["dept/get", {}, 71005, "deptId"],
  ["dept/add", { name: "x".repeat(65) }, 71001, "name"],
  ["dept/update", { id: "NOPE", name: "n" }, 71010, "id"],
  ["dept/remove", { deptId: "NOPE" }, 71010, "deptId"],
  ["room/get", { roomId: "424242" }, 71011, "roomId"],
  ["room/add", { name: "r", capacity: 0 }, 71001, "capacity"],
  ["room/add", { name: "r", capacity: "many" }, 71008, "capacity"],
  ["room/add", { name: "r", beginTime: "09:00" }, 71001, "endTime"],
  ["room/add", { name: "r", permission: 3 }, 71001, "permission"],
  ["room/update", { id: "424242", name: "n" }, 71011, "id"],
  ["room/remove", {}, 71005, "roomId"],
  ["meeting/list", { checkedState: "x" }, 71008, "checkedState"],
  ["meeting/list", { direction: "sideways" }, 71001, "direction"],
  ["meeting/get", {}, 71005, "meetingId"],
  ["meeting/book", { roomId: "1", speaker: "s", subject: "x", beginTime: 1, endTime: 2, createdId: "1" }, 71005, "attendances"],
  ["meeting/book", { roomId: "1", speaker: "s", subject: "x", beginTime: 1, endTime: 2, createdId: "1", attendances: [{}] }, 71005, "attendances[0].userId"],
  ["meeting/book", { roomId: "424242", speaker: "s", subject: "x", beginTime: wholeMinute(Date.now() + 86_400_000), endTime: wholeMinute(Date.now() + 90_000_000), createdId: "1", attendances: [] }, 71011, "roomId"],
  ["meeting/update", { id: "424242" }, 71012, "id"],
  ["meeting/cancel", { meetingId: [] }, 71008, "meetingId"],
  ["meeting/finish", { meetingId: "424242" }, 71012, "meetingId"],
];

describe("bad input", () => {
  it.each(CASES)("%s %j → %i naming %s", async (path, body, code, field) => {
    const before = await counts();
    const res = await api.call(path, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: false, code });
    expect(Object.keys(res.body.fieldErrors)).toEqual([field]);
    expect(await counts()).toBe(before);
  });

  it("an unreadable body is 71001, unknown endpoints 404 in the envelope", async () => {
    const res = await api.call("user/add", undefined, { raw: "{not json", type: "application/json" });
    expect(res).toMatchObject({ status: 200, body: { success: false, code: 71001 } });
    const none = await api.call("user/fly", {});
    expect(none).toMatchObject({ status: 404, body: { success: false } });
  });
});
