import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { auditLog, users } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { fromLocal } from "@/lib/time";
import { auditListSchema } from "@/lib/validation/audit";
import { exportAuditLog } from "./export-audit-log";
import { listAuditLog } from "./list-audit-log";

useTestDb();
const superAdmin: SessionAdmin = { id: 1, username: "admin", privileged: true };
const normal: SessionAdmin = { id: 2, username: "teacher", privileged: false };
const q = (v: Record<string, string>) => auditListSchema.parse(v);

beforeAll(async () => {
  const db = await getDb();
  await db.execute(sql`truncate audit_log restart identity`);
  const [u] = await db.insert(users).values({ userid: "2024000009", name: "孙同学" }).returning();
  const row = (over: Partial<typeof auditLog.$inferInsert>) => ({
    actorKind: "admin",
    actorId: "1",
    actorName: "admin",
    action: "room.edited",
    objectKind: "room",
    objectId: "5",
    channel: "console",
    at: fromLocal(2030, 3, 10, 9 * 60),
    ...over,
  });
  await db.insert(auditLog).values([
    row({ before: { size: 10 }, after: { size: 12 } }),
    row({ actorId: "2", actorName: "teacher", action: "booking.approved", objectKind: "booking", objectId: "77", at: fromLocal(2030, 3, 11, 23 * 60 + 59) }),
    row({ actorId: "2", actorName: "teacher", action: "booking.rejected", objectKind: "booking", objectId: "78", channel: "legacy", at: fromLocal(2030, 3, 12, 0) }),
    row({ actorKind: "user", actorId: String(u.id), actorName: "孙同学", action: "booking.submitted", objectKind: "booking", objectId: "77", channel: "page" }),
    row({ actorKind: "openapi", actorId: "9", actorName: "appkey9", action: "user.added", objectKind: "user", objectId: "3", channel: "openapi" }),
    // Another admin whose name contains the normal admin's: still not theirs.
    row({ actorId: "3", actorName: "teacher2", action: "admin.added", objectKind: "admin", objectId: "3" }),
  ]);
});

describe("listAuditLog", () => {
  it("a super admin sees everything, newest first, paged", async () => {
    const all = await listAuditLog(superAdmin, q({}));
    expect(all).toMatchObject({ count: 6, page: 1, scope: "all" });
    expect(all.rows[0].action).toBe("booking.rejected");
    expect(all.rows[0].atText).toBe("2030-03-12 00:00:00");
    const page2 = await listAuditLog(superAdmin, q({ page: "2", size: "4" }));
    expect(page2.rows).toHaveLength(2);
    // A page past the end answers the last page.
    expect((await listAuditLog(superAdmin, q({ page: "99", size: "4" }))).page).toBe(2);
  });

  it("a normal admin sees only their own actions, whatever the filters ask for (enforced in the service)", async () => {
    const own = await listAuditLog(normal, q({}));
    expect(own).toMatchObject({ count: 2, scope: "own" });
    expect(own.rows.every((r) => r.actorKind === "admin" && r.actorId === "2")).toBe(true);
    expect((await listAuditLog(normal, q({ person: "admin" }))).count).toBe(0);
    expect((await listAuditLog(normal, q({ objectKind: "room" }))).count).toBe(0);
    expect(await exportAuditLog(normal, {}).then((r) => r.rows)).toBe(2);
  });

  it("filters by person (name, id or WeCom userid), object, action or family, channel and local date range", async () => {
    const count = async (v: Record<string, string>) => (await listAuditLog(superAdmin, q(v))).count;
    expect(await count({ person: "teach" })).toBe(3);
    expect(await count({ person: "2024000009" })).toBe(1);
    expect(await count({ person: "9" })).toBe(1); // an id matches exactly, not as a substring
    expect(await count({ objectKind: "booking", objectId: "77" })).toBe(2);
    expect(await count({ action: "booking" })).toBe(3);
    expect(await count({ action: "booking.approved" })).toBe(1);
    expect(await count({ channel: "openapi" })).toBe(1);
    expect(await count({ from: "2030-03-11", to: "2030-03-11" })).toBe(1); // 23:59 local on the 11th, not midnight of the 12th
    expect(await count({ from: "2030-03-12" })).toBe(1);
    expect(await count({ person: "100%_" })).toBe(0);
  });

  it("refuses nonsense filters with 4002 naming the field", async () => {
    expect(auditListSchema.safeParse({ channel: "fax" }).success).toBe(false);
    expect(auditListSchema.safeParse({ size: "1000" }).success).toBe(false);
    expect(auditListSchema.safeParse({ from: "2030-3-1" }).success).toBe(false);
    await expect(listAuditLog(superAdmin, q({ from: "2030-02-30" }))).rejects.toMatchObject({ code: 4002, field: "from" });
    await expect(listAuditLog(superAdmin, q({ from: "2030-03-12", to: "2030-03-11" }))).rejects.toMatchObject({ code: 4002, field: "to" });
    await expect(listAuditLog(null as never, q({}))).rejects.toMatchObject({ code: 1005 });
  });

  it("exports the filtered rows as a readable xlsx with before/after", async () => {
    const { bytes, rows } = await exportAuditLog(superAdmin, { objectKind: "room" });
    expect(rows).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("操作日志")!;
    expect(ws.getRow(1).getCell(1).value).toBe("时间");
    expect(ws.rowCount).toBe(2);
    const values = (ws.getRow(2).values as unknown[]).slice(1);
    expect(values).toEqual(expect.arrayContaining(["2030-03-10 09:00:00", "修改会议室", "room.edited", "会议室", "5", "管理后台", '{"size":10}', '{"size":12}']));
  });
});
