// Helpers for the admin console's browser tests.
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { fromLocal, localParts } from "@/lib/time";
import { ADMIN_PASSWORD } from "./env";

export const SUPER = "admin";
export const superPassword = () => ADMIN_PASSWORD();

/** Full-page screenshots of the console, kept as test artifacts (e2e/artifacts is gitignored). */
export async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join("e2e/artifacts/console", `${name}.png`), fullPage: true });
}

/** Signs in through the console's login page (the browser flow a person uses). */
export async function signInThroughForm(page: Page, username: string, password: string) {
  await page.goto("/meeting/admin/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/meeting\/admin\/?$/);
}

/** A legacy JSON call with this context's cookies; asserts errcode 0 and returns the body. */
export async function legacyOk<T = Record<string, unknown>>(req: APIRequestContext, method: "GET" | "POST", url: string, form?: Record<string, string | number | boolean>): Promise<T> {
  const res = method === "GET" ? await req.get(url) : await req.post(url, { form: form as Record<string, string> });
  const body = await res.json();
  expect(body.errcode ?? body.code, `${method} ${url}: ${JSON.stringify(body)}`).toBe(0);
  return body as T;
}

/** Epoch ms of `daysAhead` days from today at `minute` after local midnight (campus zone). */
export function localMillis(daysAhead: number, minute: number): number {
  const p = localParts(new Date());
  return fromLocal(p.year, p.month, p.day + daysAhead, minute).getTime();
}

/** Auto-review off (manual review needs it), everything else as given. */
export async function setSettings(req: APIRequestContext, s: Partial<{ sh: number; sm: number; ch: number; cm: number; check: boolean; checkInterval: number; clean: boolean; cleanInterval: number }> = {}) {
  const cur = await legacyOk<Record<string, number | boolean>>(req, "GET", "/meeting/server/properties");
  const next = { sh: cur.sh, sm: cur.sm, ch: cur.ch, cm: cur.cm, check: false, checkInterval: cur.checkInterval, clean: cur.clean, cleanInterval: cur.cleanInterval, ...s };
  await legacyOk(req, "POST", "/meeting/server/properties", next as Record<string, number | boolean>);
}
