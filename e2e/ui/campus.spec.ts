// The console page 校园平台: green against the fake API center, the sync buttons, phone and desktop screenshots.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInThroughForm, SUPER, superPassword } from "../helpers/console";
import { fakeCampus } from "../helpers/campus";

for (const [name, viewport] of [
  ["desktop", { width: 1440, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test(`校园平台 page (${name}): connection check, department sync, 同步到校园平台 twice creates nothing twice`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signInThroughForm(page, SUPER, superPassword());
    await page.goto("/meeting/admin/campus");
    await expect(page.getByRole("heading", { name: "校园平台" })).toBeVisible();
    await page.getByRole("button", { name: "检查连接" }).click();
    await expect(page.getByTestId("campus-check")).toContainText("连接正常");
    await page.getByRole("button", { name: "同步部门" }).click();
    await expect(page.getByText(/部门已同步/)).toBeVisible();
    await page.getByRole("button", { name: "同步到校园平台" }).click();
    await expect(page.getByText(/已同步到校园平台/).first()).toBeVisible();
    await page.getByRole("button", { name: "同步到校园平台" }).click();
    const out = await fakeCampus.outbox();
    expect(out.appRoles.filter((r) => r.code.startsWith("meeting:"))).toHaveLength(2);
    expect(new Set(out.menus.map((m) => m.perms)).size).toBe(out.menus.length);
    await expect(page.getByTestId("campus-health")).toContainText("正常");
    await page.screenshot({ path: path.join("e2e/artifacts/campus", `campus-${name}.png`), fullPage: true });
  });
}
