// Screenshots of every console page on a desktop (1440×900) and a phone (390×844), kept in e2e/artifacts/console.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAsAdmin, signInAsUser } from "../helpers/auth";
import { legacyOk, localMillis, setSettings, shoot, SUPER, superPassword } from "../helpers/console";

fs.mkdirSync("e2e/artifacts/console", { recursive: true });

// Each page is photographed once its main heading and its data have arrived.
const PAGES: { path: string; name: string; heading: string | RegExp; ready: string }[] = [
  { path: "/meeting/admin", name: "dashboard", heading: /欢迎/, ready: "逸夫楼101" },
  { path: "/meeting/admin/review", name: "review", heading: "预约审核", ready: "提交于" },
  { path: "/meeting/admin/rooms", name: "rooms", heading: "会议室", ready: "逸夫楼101" },
  { path: "/meeting/admin/users", name: "users", heading: "用户", ready: "2020123456" },
  { path: "/meeting/admin/admins", name: "admins", heading: "管理员", ready: "超级管理员" },
  { path: "/meeting/admin/settings", name: "settings", heading: "参数设置", ready: "自动审核预约" },
  { path: "/meeting/admin/account", name: "account", heading: "我的账号", ready: "确认新密码" },
];

for (const vp of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`screenshots at ${vp.width}×${vp.height}`, async ({ browser }) => {
    const ctx = await browser.newContext({ viewport: vp, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    await page.goto("/meeting/admin/login");
    await expect(page.getByRole("heading", { name: "管理员登录" })).toBeVisible();
    await shoot(page, `login-${vp.width}`);
    await signInAsAdmin(page, SUPER, superPassword());
    // The review page shows a request of this spec's own: with auto-review off it waits (restored afterwards, since
    // a free request is otherwise approved at once).
    const props = await legacyOk<{ check: boolean }>(page.request, "GET", "/meeting/server/properties");
    await setSettings(page.request, { check: false });
    const user = await browser.newContext();
    await signInAsUser(user.request, `e2e-shots-${vp.width}`, { name: "截图用户" });
    const rooms = await legacyOk<{ rooms: { roomId: number }[] }>(user.request, "GET", "/meeting/rooms");
    await legacyOk(user.request, "POST", "/meeting/appointment", {
      roomId: rooms.rooms[0].roomId, datetime: localMillis(6, vp.width === 1440 ? 9 * 60 : 11 * 60), duration: 60, size: 2, phone: "13800138000", purpose: "截图用待审核申请",
    });
    await user.close();
    for (const p of PAGES) {
      await page.goto(p.path);
      await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
      await expect(page.locator("main").getByText(p.ready).filter({ visible: true }).first()).toBeVisible();
      await page.waitForLoadState("networkidle");
      await shoot(page, `${p.name}-${vp.width}`);
    }
    if (vp.width < 768) {
      await page.getByRole("button", { name: "打开菜单" }).click();
      await shoot(page, `menu-${vp.width}`);
    }
    await setSettings(page.request, { check: props.check });
    // A normal admin's view, and the refusal of a super-admin page.
    // A name of this run's own (a retry or a second run against the same database adds a new one; adding must work).
    const normal = `e2e-shot-${vp.width}-${process.env.E2E_RUN_ID}-${test.info().retry}`;
    await legacyOk(page.request, "POST", "/meeting/admin/add", { username: normal, password: "shot-password-1", privileged: 0 });
    await ctx.clearCookies();
    await signInAsAdmin(page, normal, "shot-password-1");
    await page.goto("/meeting/admin");
    await expect(page.locator("main").getByText("逸夫楼101").filter({ visible: true }).first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    await shoot(page, `dashboard-normal-admin-${vp.width}`);
    await page.goto("/meeting/admin/admins");
    await expect(page).toHaveURL(/\/meeting\/admin$/);
    await ctx.close();
  });
}
