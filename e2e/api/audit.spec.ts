// The audit trail over HTTP: every door records its channel, the caller's address and user agent and the actor
// (legacy API, Open API, console), and the console's JSON view / export keep normal admins to their own actions.
import ExcelJS from "exceljs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInAsAdmin, signInAsUser } from "../helpers/auth";
import { at, json, roomsByPlace, runTag } from "../helpers/booking";
import { ADMIN_PASSWORD, APP_URL } from "../helpers/env";
import { createAppViaSettingsPage, getToken } from "../helpers/open-api";
import { newContext } from "../helpers/roles";

const LOOPBACK = /^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/;
const tag = `${runTag()}${Math.floor(Math.random() * 1000)}`;
let superCtx: APIRequestContext;

interface AuditRow {
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectKind: string;
  objectId: string | null;
  channel: string;
  clientAddress: string | null;
  userAgent: string | null;
  before: unknown;
  after: unknown;
}

async function audit(ctx: APIRequestContext, q: Record<string, string>): Promise<{ count: number; rows: AuditRow[]; scope: string }> {
  const body = await json(await ctx.get(`/meeting/api/admin/audit?${new URLSearchParams(q)}`));
  expect(body.errcode, JSON.stringify(body)).toBe(0);
  return body;
}

test.beforeAll(async () => {
  superCtx = await newContext();
  await signInAsAdmin(superCtx, "admin", ADMIN_PASSWORD());
});
test.afterAll(async () => superCtx?.dispose());

test("a legacy API booking is recorded with channel legacy, the caller's address and user agent, as the user", async () => {
  const ctx = await newContext();
  const userid = `aud${tag}`;
  await signInAsUser(ctx, userid, { name: "审计用户" });
  const rooms = await roomsByPlace(superCtx);
  const roomId = Object.values(rooms)[0].roomId;
  const res = await json(
    await ctx.post("/meeting/appointment", {
      form: { roomId, datetime: at(5, 15, 10), duration: 30, size: 2, phone: "13912345678", purpose: "审计", note: "" },
      headers: { "user-agent": "legacy-client/2.0 (audit e2e)" },
    }),
  );
  expect(res).toEqual({ errcode: 0, errmsg: "ok" });
  const { rows } = await audit(superCtx, { person: userid, action: "booking.submitted" });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ actorKind: "user", actorName: "审计用户", channel: "legacy", userAgent: "legacy-client/2.0 (audit e2e)", objectKind: "booking" });
  expect(rows[0].clientAddress).toMatch(LOOPBACK);
  // The sign-in through the user pages' door came first.
  const signIns = await audit(superCtx, { person: userid, action: "auth.user_signed_in" });
  expect(signIns.rows[0]).toMatchObject({ channel: "page", actorName: "审计用户" });
  await ctx.dispose();
});

test("an Open API write is recorded with channel openapi as the app credential", async ({ browser }) => {
  const page = await browser.newPage();
  const app = await createAppViaSettingsPage(page, `审计应用${tag}`);
  await page.close();
  const req = await newContext();
  const token = await getToken(req, app.appkey, app.appsecret);
  const res = await req.post(`/meeting/api/open/dept/add?access_token=${token}`, {
    data: { id: `aud${tag}`, name: "审计部门" },
    headers: { "content-type": "application/json", "user-agent": "oapi-client/3.1" },
  });
  expect(await res.json()).toMatchObject({ success: true });
  const { rows } = await audit(superCtx, { objectKind: "department", objectId: `aud${tag}` });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ action: "department.added", actorKind: "openapi", actorName: app.appkey, channel: "openapi", userAgent: "oapi-client/3.1", after: { name: "审计部门" } });
  expect(rows[0].clientAddress).toMatch(LOOPBACK);
  // The credential's creation on the settings page (a server action) was the console's door.
  const created = await audit(superCtx, { action: "credential.created", person: "admin" });
  expect(created.rows.find((r) => (r.after as { appkey?: string }).appkey === app.appkey)).toMatchObject({ channel: "console", actorKind: "admin" });
  await req.dispose();
});

test("a console action on a legacy path is the console's door; the same call from a script is the legacy API", async () => {
  const fromConsole = await superCtx.post("/meeting/admin/add", {
    form: { username: `audc${tag}`, password: "audit-pass-123", privileged: "0" },
    headers: { "sec-fetch-site": "same-origin", referer: `${APP_URL()}/meeting/admin/admins`, "user-agent": "Mozilla/5.0 console-e2e" },
  });
  expect(await fromConsole.json()).toMatchObject({ errcode: 0 });
  const fromScript = await superCtx.post("/meeting/admin/add", { form: { username: `audl${tag}`, password: "audit-pass-123", privileged: "0" } });
  expect(await fromScript.json()).toMatchObject({ errcode: 0 });
  const { rows } = await audit(superCtx, { action: "admin.added", person: "admin" });
  const of = (name: string) => rows.find((r) => (r.after as { username?: string }).username === name);
  expect(of(`audc${tag}`)).toMatchObject({ channel: "console", actorKind: "admin", actorName: "admin", userAgent: "Mozilla/5.0 console-e2e" });
  expect(of(`audc${tag}`)!.clientAddress).toMatch(LOOPBACK);
  expect(of(`audl${tag}`)).toMatchObject({ channel: "legacy" });
  expect(JSON.stringify(rows)).not.toContain("audit-pass-123");
});

test("failed admin sign-ins are recorded; a normal admin sees only their own actions; export is an xlsx", async () => {
  const anon = await newContext();
  const wrong = await json(await anon.post("/meeting/login", { form: { username: `audc${tag}`, password: "not-the-password" } }));
  expect(wrong.errcode).toBe(1002);
  const failed = await audit(superCtx, { action: "auth.admin_sign_in_failed", person: `audc${tag}` });
  expect(failed.rows[0]).toMatchObject({ actorKind: "anonymous", channel: "legacy", after: { reason: "wrong_password" } });
  expect(JSON.stringify(failed.rows)).not.toContain("not-the-password");

  // A normal admin: their own sign-in and nothing of anybody else's, whatever the filters say.
  const normal = await newContext();
  await signInAsAdmin(normal, `audc${tag}`, "audit-pass-123");
  const own = await audit(normal, {});
  expect(own.scope).toBe("own");
  expect(own.count).toBeGreaterThan(0);
  expect(own.rows.every((r) => r.actorKind === "admin" && r.actorName === `audc${tag}`)).toBe(true);
  expect((await audit(normal, { person: "admin", action: "admin.added" })).count).toBe(0);

  // Bad filters: 4002 naming the field, never 500; anonymous: 1005.
  expect(await json(await superCtx.get("/meeting/api/admin/audit?channel=fax"))).toMatchObject({ errcode: 4002 });
  expect(await json(await superCtx.get("/meeting/api/admin/audit?from=2030-02-30"))).toMatchObject({ errcode: 4002 });
  expect(await json(await anon.get("/meeting/api/admin/audit"))).toMatchObject({ errcode: 1005 });

  const x = await superCtx.get(`/meeting/api/admin/audit/export?action=admin.added&person=admin`);
  expect(x.headers()["content-type"]).toContain("spreadsheetml");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await x.body()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("操作日志")!;
  const cells = ws.getSheetValues().flat().map(String);
  expect(cells.some((c) => c.includes(`audc${tag}`))).toBe(true);
  await Promise.all([anon.dispose(), normal.dispose()]);
});
