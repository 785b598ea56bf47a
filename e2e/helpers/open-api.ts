// Open API helpers for e2e: an app created through the super admin's settings page, and a small client.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { signInAsAdmin } from "./auth";
import { ADMIN_PASSWORD } from "./env";

export const SETTINGS_PAGE = "/meeting/manage/settings/openApi";

/** Signs in as the super admin and creates app credentials on the settings page; returns what it showed once. */
export async function createAppViaSettingsPage(page: Page, name: string) {
  await signInAsAdmin(page, "admin", ADMIN_PASSWORD());
  await page.goto(SETTINGS_PAGE);
  await page.getByLabel("应用名称").fill(name);
  await page.getByRole("button", { name: "生成凭证" }).click();
  await expect(page.getByTestId("new-credential")).toBeVisible();
  const appkey = (await page.getByTestId("new-appkey").textContent())!.trim();
  const appsecret = (await page.getByTestId("new-appsecret").textContent())!.trim();
  return { appkey, appsecret };
}

export async function getToken(request: APIRequestContext, appkey: string, appsecret: string): Promise<string> {
  const res = await request.get(`/meeting/api/oapi/gettoken?appkey=${appkey}&appsecret=${appsecret}`);
  const body = await res.json();
  expect(body).toMatchObject({ success: true, code: 10000, value: { expires_in: 7200 } });
  return body.value.access_token;
}

/** POST /meeting/api/open/<path>?access_token= with a JSON body; returns the parsed envelope. */
export function openApi(request: APIRequestContext, token: string | null) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return async (path: string, body: unknown = {}): Promise<any> => {
    const q = token === null ? "" : `?access_token=${token}`;
    const res = await request.post(`/meeting/api/open/${path}${q}`, { data: body as object, headers: { "content-type": "application/json" } });
    expect(res.status(), `${path} answered HTTP ${res.status()}`).toBeLessThan(500);
    return res.json();
  };
}
