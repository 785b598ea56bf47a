import { expect, test } from "@playwright/test";

test("Chromium loads /meeting/ and the page renders with styles", async ({ page }) => {
  const res = await page.goto("/meeting/");
  expect(res?.ok()).toBe(true);
  await expect(page).toHaveTitle(/会议室预约/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Tailwind is applied: the body has the slate background from app/layout.tsx.
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).not.toBe("rgba(0, 0, 0, 0)");
});
