// The admin console in a real browser: sign-in, review, rooms spreadsheet, admins, settings, roles.
import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin, signInAsUser } from "../helpers/auth";
import { legacyOk, localMillis, setSettings, shoot, signInThroughForm, SUPER, superPassword } from "../helpers/console";
import { serverEnv } from "../helpers/env";
import { fakeWecom } from "../helpers/wecom";


fs.mkdirSync("e2e/artifacts/console", { recursive: true });

const toast = (page: Page) => page.locator("[data-toast]");

test("sign in with a password: wrong password is explained, the right one opens the dashboard", async ({ page }) => {
  await page.goto("/meeting/admin/review");
  // Anonymous: the middleware sends us to the login page, remembering where we wanted to go.
  await expect(page).toHaveURL(/\/meeting\/admin\/login\?next=%2Fmeeting%2Fadmin%2Freview/);
  // The deliberate failure uses an unknown username: failures of one username are throttled (5 in 15 minutes).
  await page.getByLabel("用户名").fill(`${SUPER}-typo`);
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.locator("#login-error")).toContainText("管理员用户名或密码错误");
  await page.getByLabel("用户名").fill(SUPER);
  await page.getByLabel("密码").fill(superPassword());
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/meeting\/admin\/review$/);
  await page.getByRole("link", { name: "概览" }).click();
  await expect(page.getByRole("heading", { name: `欢迎，${SUPER}` })).toBeVisible();
  await expect(page.getByText("近 30 天每日预约提交量")).toBeVisible();
});

test("settings: turning auto-review off and changing open hours take effect at once", async ({ page, browser }) => {
  await signInThroughForm(page, SUPER, superPassword());
  await page.goto("/meeting/admin/settings");
  const check = page.getByRole("switch", { name: "自动审核预约" });
  await expect(check).toBeVisible();
  if ((await check.getAttribute("aria-checked")) === "true") await check.click();
  // The form checks what the server checks: an interval of 0 is refused before anything is sent.
  await page.getByLabel("审核间隔（分钟）").fill("0");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText("自动审核间隔不能小于1")).toBeVisible();
  await page.getByLabel("审核间隔（分钟）").fill("5");
  await page.getByLabel("关闭时间", { exact: true }).fill("20:00");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(toast(page).filter({ hasText: "修改成功" })).toBeVisible();

  const props = await legacyOk<Record<string, unknown>>(page.request, "GET", "/meeting/server/properties");
  expect(props).toMatchObject({ ch: 20, cm: 0, check: false, checkInterval: 5 });
  // In effect: the dashboard shows auto-review asleep, and a booking after 20:00 is now refused.
  await page.goto("/meeting/admin");
  await expect(page.getByText("自动审核").locator("..").locator("..").getByText("休眠中")).toBeVisible();
  const user = await browser.newContext();
  try {
    await signInAsUser(user.request, "e2e-settings-user", { name: "设置测试" });
    const rooms = await legacyOk<{ rooms: { roomId: number }[] }>(user.request, "GET", "/meeting/rooms");
    const late = await user.request.post("/meeting/appointment", {
      form: { roomId: rooms.rooms[0].roomId, datetime: localMillis(3, 20 * 60 + 30), duration: 60, size: 2, phone: "13800138000", purpose: "晚间活动" },
    });
    expect((await late.json()).errcode).toBe(3003);
  } finally {
    await user.close();
  }
  await setSettings(page.request, { ch: 22, cm: 0 });
});

test("review: approve one request and reject another with a reason; the users see the change", async ({ page, browser }) => {
  await signInThroughForm(page, SUPER, superPassword());
  await setSettings(page.request);
  const userA = await browser.newContext();
  const userB = await browser.newContext();
  try {
    await signInAsUser(userA.request, "e2e-review-a", { name: "审核甲" });
    await signInAsUser(userB.request, "e2e-review-b", { name: "审核乙" });
    const rooms = await legacyOk<{ rooms: { roomId: number; place: string }[] }>(userA.request, "GET", "/meeting/rooms");
    const room = rooms.rooms[rooms.rooms.length - 1];
    const book = async (ctx: typeof userA, minute: number, purpose: string) =>
      legacyOk(ctx.request, "POST", "/meeting/appointment", {
        roomId: room.roomId, datetime: localMillis(5, minute), duration: 60, size: 2, phone: "13800138000", purpose,
      });
    // Overlapping requests of one room: each shows the other as a conflict.
    await book(userA, 10 * 60, "E2E 审核通过");
    await book(userB, 10 * 60 + 30, "E2E 审核退回");
    const idOf = async (ctx: typeof userA, purpose: string) => {
      const h = await legacyOk<{ history: { appointId: number; purpose: string }[] }>(ctx.request, "GET", "/meeting/history/2");
      return h.history.find((x) => x.purpose === purpose)!.appointId;
    };
    const a = await idOf(userA, "E2E 审核通过");
    const b = await idOf(userB, "E2E 审核退回");

    await page.goto("/meeting/admin/review");
    await page.getByLabel("会议室").selectOption({ label: room.place });
    const rowA = page.locator(`[data-appoint-id="${a}"]`);
    const rowB = page.locator(`[data-appoint-id="${b}"]`);
    await expect(rowA).toContainText("与待审核重叠");
    await expect(rowA).toContainText(`#${b}`);
    await expect(rowB).toContainText(`#${a}`);
    await shoot(page, "review-conflicts-1280");

    // Reject b: the reason is required.
    await rowB.getByRole("checkbox").check();
    await page.getByRole("button", { name: /批量退回/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确定退回" }).click();
    await expect(page.getByText("请填写退回原因")).toBeVisible();
    await page.getByLabel("退回原因（必填）").fill("时段与院系活动冲突");
    await page.getByRole("dialog").getByRole("button", { name: "确定退回" }).click();
    await expect(toast(page).filter({ hasText: "退回成功" })).toBeVisible();
    await expect(rowB).toHaveCount(0);

    await rowA.getByRole("checkbox").check();
    await page.getByRole("button", { name: /批量通过/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确定通过" }).click();
    await expect(toast(page).filter({ hasText: "通过预约成功" })).toBeVisible();
    await expect(rowA).toHaveCount(0);

    const approved = await legacyOk<{ history: { appointId: number; checkInfo: string }[] }>(userA.request, "GET", "/meeting/history/3");
    expect(approved.history.find((x) => x.appointId === a)?.checkInfo).toBe(`${SUPER}：成功通过审核`);
    const rejected = await legacyOk<{ history: { appointId: number; checkInfo: string }[] }>(userB.request, "GET", "/meeting/history/4");
    expect(rejected.history.find((x) => x.appointId === b)?.checkInfo).toBe(`${SUPER}：时段与院系活动冲突`);
  } finally {
    await userA.close();
    await userB.close();
  }
});

test("review is disabled, with a link to settings, while auto-review runs", async ({ page }) => {
  await signInThroughForm(page, SUPER, superPassword());
  await setSettings(page.request, { check: true });
  try {
    await page.goto("/meeting/admin/review");
    await expect(page.getByText("自动审核运行中，人工审核已停用。")).toBeVisible();
    await expect(page.getByRole("link", { name: "参数设置" }).last()).toHaveAttribute("href", "/meeting/admin/settings");
    await expect(page.getByRole("button", { name: /批量通过/ })).toBeDisabled();
  } finally {
    await setSettings(page.request, { check: false });
  }
});

async function sheetFrom(buf: Buffer, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  edit(wb.worksheets[0]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("rooms: add a room, then upload a spreadsheet, preview exactly what changes, and apply it", async ({ page }) => {
  await signInThroughForm(page, SUPER, superPassword());
  await page.goto("/meeting/admin/rooms");
  await page.getByRole("button", { name: "+ 添加会议室" }).click();
  await page.getByLabel("会议室地点").fill("E2E旧楼001");
  await page.getByLabel("可容纳人数").fill("12");
  await page.getByRole("dialog").getByRole("button", { name: "保存" }).click();
  await expect(toast(page).filter({ hasText: "已添加 E2E旧楼001" })).toBeVisible();
  await expect(page.locator('[data-room="E2E旧楼001"]')).toContainText("12 人");

  const current = await page.request.get("/meeting/rooms/download");
  expect(current.headers()["content-type"]).toContain("spreadsheetml");
  const original = Buffer.from(await current.body());
  let changedPlace = "";
  let changedSize = 0;
  const edit = (withError: boolean) => (ws: ExcelJS.Worksheet) => {
    // Drop E2E旧楼001 (it will be closed), grow the first room by one, add a room; optionally a bad size.
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (row.getCell(1).value === "E2E旧楼001") ws.spliceRows(r, 1);
    }
    const first = ws.getRow(2);
    changedPlace = String(first.getCell(1).value);
    changedSize = Number(first.getCell(2).value) + 1;
    first.getCell(2).value = changedSize;
    ws.addRow(["E2E新楼101", 30, 1]);
    if (withError) ws.addRow(["E2E坏行", "很多", 1]);
  };
  const bad = await sheetFrom(original, edit(true));
  await page.getByLabel("上传表格").setInputFiles({ name: "rooms-bad.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bad });
  const preview = page.getByTestId("sheet-preview");
  await expect(preview).toContainText(/第 \d+ 行 B 列（可容纳人数）/);
  await expect(page.getByRole("button", { name: "应用表格" })).toBeDisabled();
  await shoot(page, "rooms-preview-invalid-1440");

  const good = await sheetFrom(original, edit(false));
  await page.getByLabel("上传表格").setInputFiles({ name: "rooms.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: good });
  await expect(preview).toContainText("新增 1");
  await expect(preview).toContainText("修改 1");
  await expect(preview).toContainText("关闭 1");
  await expect(preview).toContainText("E2E新楼101");
  await expect(preview).toContainText(`${changedPlace}`);
  await expect(preview).toContainText("E2E旧楼001");
  await shoot(page, "rooms-preview-1440");
  await page.getByRole("button", { name: "应用表格" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "应用" }).click();
  await expect(toast(page).filter({ hasText: "配置会议室成功" })).toBeVisible();
  await expect(page.locator('[data-room="E2E新楼101"]')).toContainText("30 人");
  await expect(page.locator(`[data-room="${changedPlace}"]`)).toContainText(`${changedSize} 人`);
  await expect(page.locator('[data-room="E2E旧楼001"]')).toContainText("已关闭");
});

test("admins: add, edit (rename, privilege, password) and delete; batch delete; passwords never shown", async ({ page, browser }) => {
  await signInThroughForm(page, SUPER, superPassword());
  await page.goto("/meeting/admin/admins");
  await page.getByRole("button", { name: "+ 添加管理员" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("用户名").fill("e2e-ops");
  await dialog.getByLabel("密码", { exact: true }).fill("short");
  await dialog.getByLabel("确认密码").fill("short");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.getByText("不能少于8个字符")).toBeVisible();
  await dialog.getByLabel("密码", { exact: true }).fill("first-password-1");
  await dialog.getByLabel("确认密码").fill("first-password-1");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(toast(page).filter({ hasText: "添加管理员成功" })).toBeVisible();
  const row = page.locator('[data-admin="e2e-ops"]');
  await expect(row).toContainText("普通管理员");

  await row.getByRole("button", { name: "编辑 e2e-ops" }).click();
  await expect(dialog.getByLabel("新密码")).toHaveValue("");
  await dialog.getByLabel("用户名").fill("e2e-ops2");
  await dialog.getByLabel("超级管理员").check();
  await dialog.getByLabel("新密码").fill("second-password-2");
  await dialog.getByLabel("确认密码").fill("second-password-2");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(toast(page).filter({ hasText: "修改管理员成功" })).toBeVisible();
  const renamed = page.locator('[data-admin="e2e-ops2"]');
  await expect(renamed).toContainText("超级管理员");
  // The new name and password work; the list never carries a password.
  const other = await browser.newContext();
  await signInAsAdmin(other.request, "e2e-ops2", "second-password-2");
  await other.close();
  const all = await legacyOk<{ data: { password: string }[] }>(page.request, "GET", "/meeting/admin/all?page=1&size=100");
  expect(all.data.every((a) => a.password === "")).toBe(true);

  await renamed.getByRole("button", { name: "删除 e2e-ops2" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "删除" }).click();
  await expect(toast(page).filter({ hasText: "删除管理员成功" })).toBeVisible();
  await expect(renamed).toHaveCount(0);

  for (const name of ["e2e-batch-1", "e2e-batch-2"]) {
    await legacyOk(page.request, "POST", "/meeting/admin/add", { username: name, password: "batch-password-1", privileged: 0 });
  }
  await page.reload();
  // Other specs leave admins behind: show them all on one page, as an admin with a long list would.
  await page.getByLabel("每页条数").selectOption("100");
  await page.getByRole("checkbox", { name: "选择 e2e-batch-1" }).check();
  await page.getByRole("checkbox", { name: "选择 e2e-batch-2" }).check();
  await page.getByRole("button", { name: "批量删除 (2)" }).click();
  await expect(page.getByRole("dialog")).toContainText("e2e-batch-1、e2e-batch-2");
  await page.getByRole("dialog").getByRole("button", { name: "删除" }).click();
  await expect(toast(page).filter({ hasText: "删除管理员成功" })).toBeVisible();
  await expect(page.locator('[data-admin^="e2e-batch"]')).toHaveCount(0);
  // Oneself cannot be selected or deleted.
  await expect(page.getByRole("button", { name: `删除 ${SUPER}` })).toBeDisabled();
});

test("users: make a WeCom user a normal admin; they sign in by QR and see only what they may", async ({ page, browser }) => {
  const member = await browser.newContext();
  await signInAsUser(member.request, "e2e-qr-admin", { name: "扫码管理员" });
  await member.close();

  await signInThroughForm(page, SUPER, superPassword());
  await page.goto("/meeting/admin/users");
  await page.getByLabel("搜索用户").fill("e2e-qr-admin");
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await page.getByRole("checkbox", { name: "选择 扫码管理员" }).check();
  await page.getByRole("button", { name: "设为普通管理员" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  await expect(toast(page).filter({ hasText: "添加管理员成功" })).toBeVisible();

  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  try {
    await fakeWecom.actAs({ userid: "e2e-qr-admin" });
    await p.goto("/meeting/admin/login");
    await p.getByRole("link", { name: "企业微信扫码登录" }).click();
    await expect(p).toHaveURL(/\/meeting\/admin\/?$/);
    const nav = p.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link", { name: "预约审核" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "用户" })).toBeVisible();
    for (const name of ["管理员", "参数设置", "会议室"]) await expect(nav.getByRole("link", { name, exact: true })).toHaveCount(0);
    // No "make admin" buttons for a normal admin.
    await p.goto("/meeting/admin/users");
    await expect(p.getByRole("button", { name: "设为超级管理员" })).toHaveCount(0);
    // Typing a super-admin URL is refused: never the page itself.
    for (const path of ["admins", "settings", "rooms"]) {
      await p.goto(`/meeting/admin/${path}`);
      await expect(p.getByRole("button", { name: /添加管理员|保存修改|添加会议室/ })).toHaveCount(0);
      expect(new URL(p.url()).pathname === "/meeting/admin" || (await p.getByText("管理员权限不足").count()) > 0).toBe(true);
    }
    const add = await p.request.post("/meeting/admin/add", { form: { username: "sneaky1", password: "sneaky-password", privileged: "1" } });
    expect((await add.json()).errcode).toBe(1006);
    const props = await p.request.post("/meeting/server/properties", { form: { sh: 8, sm: 0, ch: 22, cm: 0, check: "false", checkInterval: 2, clean: "true", cleanInterval: 7 } });
    expect((await props.json()).errcode).toBe(1006);
  } finally {
    await ctx.close();
  }
});

test("account: an admin changes their own password and signs in again with it", async ({ page }) => {
  await signInThroughForm(page, SUPER, superPassword());
  await legacyOk(page.request, "POST", "/meeting/admin/add", { username: "e2e-self", password: "old-password-1", privileged: 0 });
  await page.context().clearCookies();
  await signInThroughForm(page, "e2e-self", "old-password-1");
  await page.getByRole("link", { name: "我的账号" }).first().click();
  await page.getByLabel("新密码", { exact: true }).fill("new-password-2");
  await page.getByLabel("确认新密码").fill("new-password-3");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("两次输入的密码不一致")).toBeVisible();
  await page.getByLabel("确认新密码").fill("new-password-2");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/meeting\/admin\/login\?changed=1/);
  await expect(page.getByText("密码已修改，请用新密码重新登录。")).toBeVisible();
  await signInThroughForm(page, "e2e-self", "new-password-2");
});

test("dashboard: a notification WeCom refuses is listed as failed, and a super admin can resend it", async ({ page, browser }) => {
  await signInThroughForm(page, SUPER, superPassword());
  await setSettings(page.request);
  const user = await browser.newContext();
  let id = 0;
  try {
    await signInAsUser(user.request, "e2e-notify", { name: "通知测试" });
    const rooms = await legacyOk<{ rooms: { roomId: number }[] }>(user.request, "GET", "/meeting/rooms");
    await legacyOk(user.request, "POST", "/meeting/appointment", {
      roomId: rooms.rooms[0].roomId, datetime: localMillis(6, 16 * 60), duration: 30, size: 2, phone: "13800138000", purpose: "通知失败演示",
    });
    const h = await legacyOk<{ history: { appointId: number; purpose: string }[] }>(user.request, "GET", "/meeting/history/2");
    id = h.history.find((x) => x.purpose === "通知失败演示")!.appointId;
  } finally {
    await user.close();
  }
  // WeCom says the recipient is invalid: a permanent failure, not retried.
  await fakeWecom.failNext("/cgi-bin/message/send", 81013, 5);
  await legacyOk(page.request, "POST", "/meeting/check/approve", { ais: id });
  const run = await page.request.get("/meeting/api/cron/maintenance", { headers: { authorization: `Bearer ${serverEnv("CRON_SECRET")}` } });
  expect(run.status()).toBeLessThan(500);

  await page.goto("/meeting/admin");
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "消息推送" }) });
  await expect(card).toContainText("条发送失败");
  await expect(card).toContainText("发给 e2e-notify");
  await expect(card).toContainText(`预约序号：${id}`);
  await shoot(page, "dashboard-failed-delivery-1280");
  await card.getByRole("button", { name: "重新发送" }).click();
  await expect(toast(page).filter({ hasText: /已重新排队 \d+ 条通知/ })).toBeVisible();
});
