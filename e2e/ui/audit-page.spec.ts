// The console's 操作日志 page in Chromium: filters, a row's before/after, the xlsx export, and screenshots at a
// desktop (1440×900) and a phone (390×844) size in e2e/artifacts/console.
import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "../helpers/auth";
import { legacyOk, shoot, SUPER, superPassword } from "../helpers/console";

fs.mkdirSync("e2e/artifacts/console", { recursive: true });
const tag = `${String(process.env.E2E_RUN_ID ?? Date.now()).slice(-6)}${Math.floor(Math.random() * 1000)}`;

test("filter, expand before/after and export the audit trail", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await ctx.newPage();
  await signInAsAdmin(page, SUPER, superPassword());
  // A room created and then resized through the console's API: two audit rows with a before/after.
  const place = `审计室${tag}`;
  const created = await legacyOk<{ room: { roomId: number } }>(page.request, "POST", "/meeting/api/admin/rooms", { place, size: 12 });
  const roomId = created.room.roomId;
  await legacyOk(page.request, "POST", `/meeting/api/admin/rooms/${roomId}`, { size: 18 });

  await page.goto("/meeting/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "操作日志" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "操作日志" }).first()).toBeVisible();
  await expect(page.getByTestId("audit-row").first()).toBeVisible();

  await page.getByLabel("对象类型").selectOption("room");
  await page.getByLabel("对象ID").fill(String(roomId));
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("修改会议室");
  await expect(rows.nth(1)).toContainText("新增会议室");
  await expect(rows.nth(0)).toContainText("管理后台");

  await rows.nth(0).getByRole("button", { name: /展开变更详情/ }).click();
  const change = page.locator('[data-testid="audit-change"]:visible');
  await expect(change).toBeVisible();
  await expect(change.getByRole("row", { name: /size/ })).toContainText("12");
  await expect(change.getByRole("row", { name: /size/ })).toContainText("18");
  await page.waitForLoadState("networkidle");
  await shoot(page, "audit-1440");

  // Filter by action and channel narrows further; a channel nothing came through shows the empty state.
  await page.getByLabel("操作", { exact: true }).selectOption("room.created");
  await expect(rows).toHaveCount(1);
  await page.getByLabel("渠道").selectOption("openapi");
  await expect(page.getByText("没有符合条件的操作记录")).toBeVisible();
  await page.getByLabel("渠道").selectOption("console");
  await expect(rows).toHaveCount(1);

  // The export carries the same filters.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file!);
  const ws = wb.getWorksheet("操作日志")!;
  expect(ws.rowCount).toBe(2);
  const values = (ws.getRow(2).values as unknown[]).map(String);
  expect(values).toContain("新增会议室");
  expect(values).toContain(String(roomId));
  expect(values.some((v) => v.includes(place))).toBe(true);

  // Date range: from tomorrow on, nothing.
  const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
  await page.getByLabel("开始日期").fill(tomorrow);
  await expect(page.getByText("没有符合条件的操作记录")).toBeVisible();
  await page.getByRole("button", { name: "清除筛选" }).click();
  await expect(rows.first()).toBeVisible();
  await ctx.close();
});

test("phone layout: one card per entry with its changes", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  await signInAsAdmin(page, SUPER, superPassword());
  const created = await legacyOk<{ room: { roomId: number } }>(page.request, "POST", "/meeting/api/admin/rooms", { place: `手机审计${tag}`, size: 6 });
  await page.goto("/meeting/admin/audit");
  // Ids are per kind: booking or user 21 is not room 21.
  await page.getByLabel("对象类型").selectOption("room");
  await page.getByLabel("对象ID").fill(String(created.room.roomId));
  const cards = page.getByTestId("audit-card");
  await expect(cards).toHaveCount(1);
  await cards.first().getByRole("button", { name: "查看变更" }).click();
  await expect(page.locator('[data-testid="audit-change"]:visible')).toContainText(`手机审计${tag}`);
  await page.waitForLoadState("networkidle");
  await shoot(page, "audit-390");
  await ctx.close();
});
