// `npm run demo` as a newcomer meets it: a phone with the WeCom user agent signs in on the demo page, the admin finds
// the seeded requests waiting for review, approves one, and the message the system sent shows in the demo mailbox.
import fs from "node:fs";
import { devices, expect, test } from "@playwright/test";

const WECOM_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh";
fs.mkdirSync("e2e/artifacts/demo", { recursive: true });

test.use({ ...devices["iPhone 13"], browserName: "chromium", userAgent: WECOM_UA, viewport: { width: 390, height: 844 } });

test("inside the WeCom client the demo offers its demo users instead of a real WeCom login", async ({ page }) => {
  await page.goto("/meeting/");
  await expect(page).toHaveURL(/\/meeting\/signin/);
  await expect(page.getByRole("heading", { name: "演示登录" })).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/demo/signin-wecom-390.png", fullPage: true });
  await page.getByRole("button", { name: /李明/ }).click();
  await expect(page).toHaveURL(/\/meeting\/?$/);
  await page.goto("/meeting/my/bookings");
  await expect(page.getByText("学生会例会").first()).toBeVisible();

  // The seeded weekly series (每周二 19:00–21:00 组会): tagged in my bookings, and its page lists its eight Tuesdays.
  const seriesItem = page.getByRole("link").filter({ hasText: "重复预约" }).filter({ hasText: "组会" }).first();
  await expect(seriesItem).toBeVisible();
  await seriesItem.click();
  await page.getByRole("link", { name: "查看整个系列" }).click();
  await expect(page).toHaveURL(/\/meeting\/my\/series\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("重复预约 · 图书馆研讨室B");
  await expect(page.getByText("每周 19:00–21:00 · 组会")).toBeVisible();
  const dates = page.getByTestId("series-dates").locator("li");
  await expect(dates).toHaveCount(8);
  await expect(dates.filter({ hasText: /周二/ })).toHaveCount(8);
  // The demo term holds them: each shows its teaching week.
  await expect(dates.filter({ hasText: /第\d+周/ })).toHaveCount(8);
  await page.screenshot({ path: "e2e/artifacts/demo/series-390.png", fullPage: true });
});

test("the seeded requests wait for review; approving one sends a message that the demo mailbox shows", async ({ page }) => {
  await page.goto("/meeting/demo/mailbox");
  await expect(page.getByRole("heading", { name: "演示信箱" })).toBeVisible();

  await page.goto("/meeting/admin/login");
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill("demo-admin-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/meeting\/admin\/?$/);
  await page.goto("/meeting/admin/review");
  const row = page.locator("[data-appoint-id]").filter({ hasText: "学生会例会" }).first();
  await expect(row).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/demo/review-390.png", fullPage: true });
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: /批量通过/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确定通过" }).click();
  await expect(row).toHaveCount(0);

  // The WeCom message goes out through the outbox right after the review.
  await expect(async () => {
    await page.goto("/meeting/demo/mailbox");
    await expect(page.getByRole("list", { name: "消息" })).toContainText("成功通过审核", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("list", { name: "消息" })).toContainText("2020123456");
  await page.screenshot({ path: "e2e/artifacts/demo/mailbox-390.png", fullPage: true });
});
