import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { admins, users } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { useFakeWecom } from "@/lib/clients/wecom/testing/use-fake-wecom";
import { asRequest, auditRows, errOf } from "@/lib/services/audit/testing/audit-rows";
import { addAdminSchema, batchAddAdminsSchema, deleteAdminsSchema, editAdminSchema } from "@/lib/validation/admin";
import { addAdmin } from "./add-admin";
import { batchAddAdmins } from "./batch-add-admins";
import { changeOwnPassword } from "./change-own-password";
import { deleteAdmins } from "./delete-admins";
import { editAdmin } from "./edit-admin";

useTestDb();
// Batch add looks unknown userids up in WeCom: the fake knows nobody called "nobody".
useFakeWecom();
let root: SessionAdmin;
const asRoot = <T,>(fn: () => Promise<T>) => asRequest("console", { kind: "admin", id: root.id, name: root.username }, fn);

beforeEach(async () => {
  const db = await getDb();
  await db.execute(sql`truncate admins, users, audit_log restart identity cascade`);
  const [r] = await db.insert(admins).values({ username: "admin", passwordHash: "x", privileged: true }).returning();
  root = { id: r.id, username: r.username, privileged: true };
});

describe("admin audit", () => {
  it("add, edit (with password) and delete record who did it; never the password or its hash", async () => {
    const { id } = await asRoot(() => addAdmin(root, addAdminSchema.parse({ username: "teacher1", password: "password-123", privileged: "0" })));
    await asRoot(() => editAdmin(root, editAdminSchema.parse({ id: String(id), username: "teacher-1", password: "another-pass-1", privileged: "1" })));
    await asRoot(() => deleteAdmins(root, deleteAdminsSchema.parse({ ids: [String(id)] })));
    const rows = await auditRows({ objectKind: "admin" });
    expect(rows.map((r) => r.action)).toEqual(["admin.added", "admin.edited", "admin.deleted"]);
    for (const r of rows) expect(r).toMatchObject({ actorKind: "admin", actorId: String(root.id), actorName: "admin", channel: "console", objectId: String(id) });
    expect(rows[0].after).toEqual({ username: "teacher1", privileged: false, hasPassword: true });
    expect(rows[1].before).toEqual({ username: "teacher1", privileged: false });
    expect(rows[1].after).toEqual({ username: "teacher-1", privileged: true, passwordChanged: true });
    expect(rows[2].before).toEqual({ username: "teacher-1", privileged: true });
    const text = JSON.stringify(rows);
    expect(text).not.toContain("password-123");
    expect(text).not.toContain("another-pass-1");
    expect(text).not.toContain("argon2");
  });

  it("a refused change records nothing: a duplicate name, a delete naming an unknown id", async () => {
    const { id } = await asRoot(() => addAdmin(root, addAdminSchema.parse({ username: "dup", password: "password-123", privileged: "0" })));
    const before = await auditRows();
    expect(await errOf(asRoot(() => addAdmin(root, addAdminSchema.parse({ username: "DUP", password: "password-123", privileged: "0" }))))).toBe(1007);
    expect(await errOf(asRoot(() => deleteAdmins(root, deleteAdminsSchema.parse({ ids: [String(id), "999999"] }))))).toBe(4002);
    expect(await errOf(asRoot(() => editAdmin(root, editAdminSchema.parse({ id: String(id), username: "admin", privileged: "0" }))))).toBe(1007);
    expect(await auditRows()).toEqual(before);
  });

  it("batch add records one admin.added per new admin; an unknown userid refuses the batch and records nothing", async () => {
    const db = await getDb();
    await db.insert(users).values([{ userid: "wang", name: "王老师" }, { userid: "li", name: "李老师" }]);
    expect(await errOf(asRoot(() => batchAddAdmins(root, batchAddAdminsSchema.parse({ userids: ["wang", "nobody"], privileged: "0" }))))).toBe(4002);
    expect(await auditRows()).toEqual([]);
    await asRoot(() => batchAddAdmins(root, batchAddAdminsSchema.parse({ userids: ["wang", "li"], privileged: "0" })));
    const rows = await auditRows({ action: "admin.added" });
    expect(rows.map((r) => (r.after as { username: string }).username).sort()).toEqual(["li", "wang"]);
    expect(rows[0].after).toMatchObject({ batch: true, hasPassword: false });
  });

  it("a password change is recorded as the admin themself", async () => {
    await asRequest("legacy", undefined, () => changeOwnPassword(root.id, "brand-new-pass-9"));
    const [row] = await auditRows({ action: "admin.password_changed" });
    expect(row).toMatchObject({ actorKind: "admin", actorId: String(root.id), actorName: "admin", objectId: String(root.id), channel: "legacy" });
    expect(JSON.stringify(row)).not.toContain("brand-new-pass-9");
  });
});
