import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { asRequest, auditRows, errOf } from "@/lib/services/audit/testing/audit-rows";
import { addDepartment } from "@/lib/services/departments/add-department";
import { removeDepartment } from "@/lib/services/departments/remove-department";
import { updateDepartment } from "@/lib/services/departments/update-department";
import { updateSettings } from "@/lib/services/settings/update-settings";
import { addOapiUser } from "@/lib/services/users/add-oapi-user";
import { removeOapiUser } from "@/lib/services/users/remove-oapi-user";
import { updateOapiUser } from "@/lib/services/users/update-oapi-user";
import { createAppCredential } from "./create-app-credential";
import { revokeAppCredential } from "./revoke-app-credential";

/** Changing the settings is a super-admin action. */
const SUPER = { id: 1, username: "admin", privileged: true };

// Console writes (credentials, settings) and the Open API's own writes (departments, users) in the audit trail.

useTestDb();
let adminId = 0;
const asAdmin = <T,>(fn: () => Promise<T>) => asRequest("console", { kind: "admin", id: adminId, name: "admin" }, fn);
const asApp = <T,>(fn: () => Promise<T>) => asRequest("openapi", { kind: "openapi", id: 7, name: "appkey-7" }, fn);

beforeEach(async () => {
  const db = await getDb();
  await db.execute(sql`truncate audit_log restart identity`);
  const [a] = await db.select().from(admins).where(sql`username = 'admin'`);
  adminId = a?.id ?? (await db.insert(admins).values({ username: "admin", passwordHash: "x", privileged: true }).returning())[0].id;
});

describe("credential and settings audit", () => {
  it("creating and revoking an app credential is recorded without its secret", async () => {
    const cred = await asAdmin(() => createAppCredential({ name: "课表系统", adminId }));
    await asAdmin(() => revokeAppCredential(cred.id));
    expect(await errOf(asAdmin(() => revokeAppCredential(cred.id)))).toBe(4040); // already revoked: nothing recorded
    const rows = await auditRows({ objectKind: "credential" });
    expect(rows.map((r) => r.action)).toEqual(["credential.created", "credential.revoked"]);
    expect(rows[0]).toMatchObject({ actorKind: "admin", channel: "console", objectId: String(cred.id), after: { appkey: cred.appkey, name: "课表系统" } });
    expect(JSON.stringify(rows)).not.toContain(cred.appsecret);
  });

  it("settings changes record before/after of the changed values; an invalid form records nothing", async () => {
    const form = { sh: 8, sm: 0, ch: 22, cm: 0, check: false, checkInterval: 5, clean: true, cleanInterval: 7 };
    await asAdmin(() => updateSettings(SUPER, form));
    await (await getDb()).execute(sql`truncate audit_log restart identity`);
    await asAdmin(() => updateSettings(SUPER, { ...form, ch: 21, cleanInterval: 30 }));
    expect(await errOf(asAdmin(() => updateSettings(SUPER, { ...form, sh: 30 })))).toBe(1004);
    const rows = await auditRows({ action: "settings.changed" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorName: "admin",
      channel: "console",
      before: { closeMinute: 22 * 60, autoCleanInterval: 7 },
      after: { closeMinute: 21 * 60, autoCleanInterval: 30 },
    });
  });
});

describe("Open API writes audit", () => {
  it("departments: added, edited, removed as the app; a refused change records nothing", async () => {
    await asApp(() => addDepartment({ id: "d-audit", name: "信息学院" }));
    await asApp(() => updateDepartment({ id: "d-audit", name: "信息科学学院" }));
    expect(await errOf(asApp(() => updateDepartment({ id: "no-such", name: "x" })))).toBe(4040);
    await asApp(() => removeDepartment("d-audit"));
    const rows = await auditRows({ objectKind: "department" });
    expect(rows.map((r) => r.action)).toEqual(["department.added", "department.edited", "department.removed"]);
    for (const r of rows) expect(r).toMatchObject({ actorKind: "openapi", actorId: "7", channel: "openapi", objectId: "d-audit" });
    expect(rows[1]).toMatchObject({ before: { name: "信息学院" }, after: { name: "信息科学学院" } });
  });

  it("users: added, edited, removed as the app", async () => {
    const u = await asApp(() => addOapiUser({ name: "赵老师", account: "zhao-audit", phone: "13911112222" }));
    const id = Number(u.id);
    await asApp(() => updateOapiUser(id, { phone: "13911113333" }));
    await asApp(() => removeOapiUser(id));
    const rows = await auditRows({ objectKind: "user", objectId: id });
    expect(rows.map((r) => r.action)).toEqual(["user.added", "user.edited", "user.removed"]);
    expect(rows[1]).toMatchObject({ before: { phone: "13911112222" }, after: { phone: "13911113333" } });
    expect(rows[2]).toMatchObject({ before: { account: "zhao-audit", name: "赵老师" }, after: { removed: true, status: 0 } });
  });
});
