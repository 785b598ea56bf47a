// Screenshots of every console page on a desktop (1440×900) and a phone (390×844), kept in e2e/artifacts/console.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "../helpers/auth";
import { legacyOk, shoot, SUPER, superPassword } from "../helpers/console";

fs.mkdirSync("e2e/artifacts/console", { recursive: true });

const PAGES: { path: string; name: string; ready: string }[] = [
  { path: "/meeting/admin", name: "dashboard", ready: "近 30 天每日预约提交量" },
  { path: "/meeting/admin/review", name: "review", ready: "预约审核" },
  { path: "/meeting/admin/rooms", name: "rooms", ready: "表格批量导入" },
  { path: "/meeting/admin/users", name: "users", ready: "创建时间" },
  { path: "/meeting/admin/admins", name: "admins", ready: "创建时间" },
  { path: "/meeting/admin/settings", name: "settings", ready: "开放时间" },
  { path: "/meeting/admin/account", name: "account", ready: "修改密码" },
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
    for (const p of PAGES) {
      await page.goto(p.path);
      await expect(page.getByText(p.ready).first()).toBeVisible();
      await page.waitForLoadState("networkidle");
      await shoot(page, `${p.name}-${vp.width}`);
    }
    if (vp.width < 768) {
      await page.getByRole("button", { name: "打开菜单" }).click();
      await shoot(page, `menu-${vp.width}`);
    }
    // A normal admin's view, and the refusal of a super-admin page.
    await legacyOk(page.request, "POST", "/meeting/admin/add", { username: `e2e-shot-${vp.width}`, password: "shot-password-1", privileged: 0 }).catch(() => {});
    await ctx.clearCookies();
    await signInAsAdmin(page, `e2e-shot-${vp.width}`, "shot-password-1");
    await page.goto("/meeting/admin");
    await expect(page.getByText("近 30 天每日预约提交量")).toBeVisible();
    await page.waitForLoadState("networkidle");
    await shoot(page, `dashboard-normal-admin-${vp.width}`);
    await ctx.close();
  });
}
