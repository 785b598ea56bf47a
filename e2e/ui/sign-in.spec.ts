// Sign-in in a real browser (Chromium) through the fake WeCom: in-client OAuth, admin QR, admin password and logout.
import { expect, test, type Page } from "@playwright/test";
import { WXWORK_UA } from "../helpers/auth";
import { ADMIN_PASSWORD, APP_URL, serverEnv } from "../helpers/env";
import { fakeWecom } from "../helpers/wecom";

const me = async (page: Page) => (await page.request.get("/meeting/api/me")).json();
const randomAddress = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;

test("inside the WeCom client, opening a page signs in silently through every redirect and lands on that page", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: APP_URL(), userAgent: WXWORK_UA });
  const page = await context.newPage();
  await fakeWecom.addUser({ userid: "ui-user-01", name: "界面用户" });
  await fakeWecom.actAs({ userid: "ui-user-01" });
  const navigations: string[] = [];
  page.on("request", (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) navigations.push(r.url());
  });

  await page.goto("/meeting?from=ui");

  const wecom = serverEnv("WECOM_OAUTH_BASE");
  expect(navigations.map((u) => u.replace(/([?&](code|state)=)[^&]+/g, "$1…"))).toEqual([
    `${APP_URL()}/meeting?from=ui`,
    `${APP_URL()}/meeting/auth/start?next=%2Fmeeting%3Ffrom%3Dui`,
    expect.stringMatching(new RegExp(`^${wecom}/connect/oauth2/authorize\\?appid=${serverEnv("WECOM_CORP_ID")}&redirect_uri=`)),
    `${APP_URL()}/meeting/auth?code=…&state=…`,
    `${APP_URL()}/meeting?from=ui`,
  ]);
  // The browser carries the authorize URL's #wechat_redirect marker along the redirects; it means nothing to us.
  expect(page.url().replace(/#wechat_redirect$/, "")).toBe(`${APP_URL()}/meeting?from=ui`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect((await me(page)).user).toMatchObject({ userid: "ui-user-01" });
  // The session cookie is invisible to scripts.
  expect(await page.evaluate(() => document.cookie)).not.toContain("meeting.session");
  await context.close();
});

test("an ordinary browser gets the sign-in page and can sign in with WeCom web login", async ({ page }) => {
  await fakeWecom.actAs({ userid: "zhangsan" });
  await page.goto("/meeting/my");
  await expect(page).toHaveURL(/\/meeting\/signin\?next=%2Fmeeting%2Fmy$/);
  await page.getByRole("link", { name: "企业微信扫码登录" }).click();
  await expect(page).toHaveURL(`${APP_URL()}/meeting/my`);
  expect((await me(page)).user).toMatchObject({ userid: "zhangsan" });
});

test("an admin signs in by scanning the WeCom QR code", async ({ page }) => {
  await fakeWecom.addUser({ userid: "admin", name: "超级管理员" });
  await fakeWecom.actAs({ userid: "admin" });
  await page.goto("/meeting/admin");
  await expect(page).toHaveURL(/\/meeting\/admin\/login/);
  await page.getByRole("link", { name: "企业微信扫码登录" }).click();
  await expect(page).toHaveURL(`${APP_URL()}/meeting/admin`);
  expect((await me(page)).admin).toMatchObject({ username: "admin", privileged: true });
});

test("a QR scan by someone who is not an admin ends on the legacy 1010 page with a way back", async ({ page }) => {
  await fakeWecom.actAs({ userid: "zhangsan" });
  await page.goto("/meeting/admin/qrcode");
  await expect(page.locator("#errmsg")).toHaveText("未找到企业用户名和管理员名相同的匹配项（非管理员）");
  await page.getByRole("link", { name: "点击回到登录界面" }).click();
  await expect(page).toHaveURL(`${APP_URL()}/meeting/admin/login`);
});

test("password sign-in, a wrong password shown, then logout ends the admin session", async ({ browser }) => {
  // Its own client address, so the deliberate failure never counts against other tests' sign-ins.
  const context = await browser.newContext({ baseURL: APP_URL(), extraHTTPHeaders: { "x-forwarded-for": randomAddress() } });
  const page = await context.newPage();
  await page.goto("/meeting/admin/review");
  await expect(page).toHaveURL(/\/meeting\/admin\/login\?next=%2Fmeeting%2Fadmin%2Freview$/);

  // The failure is made under another username: failures per username are throttled too (5 in 15 minutes), and
  // other tests sign in as admin during the same window.
  await page.getByLabel("用户名").fill("admin-typo");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "管理员" })).toContainText("管理员用户名或密码错误");

  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill(ADMIN_PASSWORD());
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(`${APP_URL()}/meeting/admin/review`);
  expect((await me(page)).admin).toMatchObject({ username: "admin" });

  // Typed into the address bar, the state-changing GET is refused; the console's own link signs out.
  await page.goto("/meeting/logout");
  await expect(page.locator("[data-errcode]")).toHaveAttribute("data-errcode", "4005");
  expect((await me(page)).admin).toMatchObject({ username: "admin" });
  await page.goto("/meeting/admin/review");
  await page.getByRole("link", { name: /退出登录/ }).first().click();
  await expect(page).toHaveURL(`${APP_URL()}/meeting/admin/login`);
  expect((await me(page)).admin).toBeNull();
  await page.goto("/meeting/admin");
  await expect(page).toHaveURL(/\/meeting\/admin\/login/);
  await context.close();
});
