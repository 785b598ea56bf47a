// The user pages as a person uses them in Chromium: sign in through the fake WeCom, search, open a room, book, see
// it pending; an admin approves through the API; the user sees it approved and cancels it; profile edit and avatar
// upload. Then every page is scanned with axe and photographed at phone and desktop sizes (e2e/artifacts/).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { signInAsUser } from "../helpers/auth";
import { runTag, setProperties, superAdmin } from "../helpers/booking";

test.describe.configure({ mode: "serial" });

const SHOTS = "e2e/artifacts/user-pages";
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

/** yyyy-MM-dd in the campus zone, `offset` days from today. */
function campusDate(offset: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const userid = `up${runTag()}`;
// Far enough ahead that the other specs' bookings never meet this one; the minute makes reruns distinct.
const DAY = campusDate(20 + (Number(runTag()) % 7));
const START = "10:00";
const ROOM = "逸夫楼501";
const pages: Record<string, string> = {};

/** Serious or critical axe findings of every page visited, reported together at the end. */
const findings: string[] = [];

async function axeAndShoot(page: Page, name: string, path: string) {
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp);
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${SHOTS}/${name}-${vp.width}x${vp.height}.png`, fullPage: true });
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    for (const v of serious) findings.push(`${name} @${vp.width}px ${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }
}

test("sign in, search, open a room, book it and see it pending; approved by an admin; cancel it", async ({ page }) => {
  // Auto-review off: the request waits for review (with it on, a free slot is approved at submission).
  const settingsAdmin = await superAdmin();
  const restore = await setProperties(settingsAdmin, { check: false });
  try {
  await signInAsUser(page, userid, { name: "界面测试", mobile: "13912340000", next: "/meeting" });

  // Home: search an exact slot in one room.
  await page.goto("/meeting");
  await expect(page.getByRole("heading", { name: "查找会议室", level: 1 })).toBeVisible();
  await page.getByLabel("日期").fill(DAY);
  await page.getByLabel("开始时间").fill(START);
  await page.getByLabel("时长").selectOption("60");
  await page.getByLabel("人数").fill("5");
  // Part of the room's name (spaces around are trimmed): only rooms whose name holds it are found.
  await page.getByLabel("会议室名称").fill(" 楼501 ");
  await page.getByRole("button", { name: "查找", exact: true }).click();
  await expect(page).toHaveURL(/[?&]name=/);
  const result = page.getByRole("link", { name: new RegExp(`^${ROOM}`) });
  await expect(result).toContainText(`${START} 空闲`);
  const found = page.getByRole("region", { name: "查找结果" }).getByRole("listitem").getByRole("link");
  for (const text of await found.allInnerTexts()) expect(text).toContain("楼501");
  await expect(page.getByRole("link", { name: /^逸夫楼101/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("会议室名称")).toHaveValue("楼501"); // the URL keeps the name as searched (trimmed)

  // A link to one room by id (/?roomId=N) shows that room chosen, carried by the form, and can be cleared.
  const roomId = Number(/\/room\/(\d+)\//.exec((await result.getAttribute("href"))!)![1]);
  await page.goto(`/meeting/?roomId=${roomId}&date=${DAY}&start=${START}&duration=60`);
  await expect(page.getByRole("group", { name: "已选会议室" })).toContainText(ROOM);
  await expect(page.locator('input[type="hidden"][name="roomId"]')).toHaveValue(String(roomId));
  await expect(page.getByLabel("会议室名称")).toHaveCount(0);
  await page.getByRole("button", { name: "查找", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]roomId=${roomId}(&|$)`));
  await expect(result).toContainText(`${START} 空闲`);
  await page.getByRole("link", { name: /^清除所选会议室/ }).click();
  await expect(page.getByLabel("会议室名称")).toBeVisible();
  await expect(page).not.toHaveURL(/roomId=/);
  await page.goto(`/meeting/?roomId=${roomId}&date=${DAY}&start=${START}&duration=60`);

  // Room page: the day, then "book this room" prefilled with the slot.
  await result.click();
  await expect(page).toHaveURL(new RegExp(`/meeting/room/\\d+/${DAY}`));
  await expect(page.getByRole("heading", { name: ROOM, level: 1 })).toBeVisible();
  pages.room = new URL(page.url()).pathname + new URL(page.url()).search;
  await page.getByRole("link", { name: `预约这间会议室 · ${START}` }).click();

  // Booking form: prefilled, inline validation, then submit.
  await expect(page).toHaveURL(/\/meeting\/appointment\/\d+\?/);
  pages.form = new URL(page.url()).pathname + new URL(page.url()).search;
  await expect(page.getByLabel("日期")).toHaveValue(DAY);
  await expect(page.getByLabel("开始时间")).toHaveValue(START);
  await expect(page.getByLabel("联系电话")).toHaveValue("13912340000");
  await expect(page.getByText("该时段可以预约")).toBeVisible();
  await page.getByLabel("参与人数").fill("999");
  await page.getByLabel("参与人数").blur();
  await expect(page.getByText(/人数须在 1–45 之间/)).toBeVisible();
  await page.getByLabel("参与人数").fill("6");
  await page.getByLabel("会议用途").fill("界面测试组会");
  await page.getByRole("button", { name: "提交预约" }).click();

  // Detail: pending.
  await expect(page).toHaveURL(/\/meeting\/history\/detail\/\d+\?created=1/);
  await expect(page.getByText("预约已提交")).toBeVisible();
  await expect(page.getByText("待审核").first()).toBeVisible();
  const id = Number(/detail\/(\d+)/.exec(page.url())![1]);
  pages.detail = `/meeting/history/detail/${id}`;

  // My bookings opens on 即将开始 and lists it there.
  await page.goto("/meeting/my/bookings");
  await expect(page.getByRole("link", { name: /即将开始/, exact: false }).first()).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: new RegExp(`${ROOM}.*界面测试组会`) })).toBeVisible();

  // An admin approves it through the API (auto-review off first, as the review page requires).
  const admin = await superAdmin();
  const before = await setProperties(admin, { check: false });
  try {
    const approved = await (await admin.post("/meeting/check/approve", { form: { ais: String(id) } })).json();
    expect(approved.errcode).toBe(0);
  } finally {
    await setProperties(admin, { check: before.check });
    await admin.dispose();
  }

  // The user sees it approved, then cancels it (confirm first).
  await page.goto(pages.detail);
  await expect(page.getByText("已通过").first()).toBeVisible();
  await expect(page.getByText("admin：成功通过审核")).toBeVisible();
  await page.getByRole("button", { name: "取消预约" }).click();
  const dialog = page.getByRole("dialog", { name: "确定取消这次预约？" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "再想想" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("已通过").first()).toBeVisible();
  await page.getByRole("button", { name: "取消预约" }).click();
  await dialog.getByRole("button", { name: "确定取消" }).click();
  await expect(page.getByText("预约已取消")).toBeVisible();
  await expect(page.getByText("已取消").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "取消预约" })).toHaveCount(0);

  await page.goto("/meeting/my/bookings?status=1");
  await expect(page.getByRole("link", { name: new RegExp(`${ROOM}.*界面测试组会`) })).toBeVisible();
  } finally {
    await setProperties(settingsAdmin, { check: restore.check });
    await settingsAdmin.dispose();
  }
});

test("my bookings, 20 a page: previous/next and 第 x / y 页, the tab kept, a page out of range shows the last", async ({ page }) => {
  const admin = await superAdmin();
  const before = await setProperties(admin, { check: false }); // all pending: the 待审核 tab holds them all too
  try {
    await signInAsUser(page, `${userid}p`, { name: "分页测试", mobile: "13912340001", next: "/meeting/my/bookings" });
    const rooms = (await (await page.request.get("/meeting/rooms")).json()).rooms as { roomId: number; place: string }[];
    const roomId = rooms.find((r) => r.place === "逸夫楼401")!.roomId;
    const series = await (
      await page.request.post("/meeting/api/series", {
        form: { roomId, rule: "daily", firstDate: campusDate(60 + (Number(runTag()) % 7)), count: 23, start: "21:00", duration: 30, size: 2, phone: "13912340001", purpose: "分页测试例会" },
      })
    ).json();
    expect(series.errcode, JSON.stringify(series)).toBe(0);
    const n = series.booked.length as number;
    expect(n).toBeGreaterThan(20);
    const cards = page.getByRole("link", { name: /分页测试例会/ });
    const pager = page.getByRole("navigation", { name: "预约分页" });

    await page.goto("/meeting/my/bookings");
    await expect(cards).toHaveCount(20);
    await expect(pager).toContainText("第 1 / 2 页");
    await expect(pager.getByRole("link", { name: /上一页/ })).toHaveCount(0);
    await pager.getByRole("link", { name: /下一页/ }).click();
    await expect(page).toHaveURL(/\/meeting\/my\/bookings\?page=2$/);
    await expect(cards).toHaveCount(n - 20);
    await expect(pager).toContainText("第 2 / 2 页");
    await pager.getByRole("link", { name: /上一页/ }).click();
    await expect(page).toHaveURL(/\/meeting\/my\/bookings$/);
    await expect(cards).toHaveCount(20);

    // A status tab keeps its status across pages.
    await page.goto("/meeting/my/bookings?status=2");
    await pager.getByRole("link", { name: /下一页/ }).click();
    await expect(page).toHaveURL(/\/meeting\/my\/bookings\?status=2&page=2$/);
    await expect(cards).toHaveCount(n - 20);
    await expect(page.getByRole("link", { name: /^待审核\s*\d+$/ })).toHaveAttribute("aria-current", "page");

    // Past the last page: the last; garbage: the first.
    await page.goto("/meeting/my/bookings?page=99");
    await expect(pager).toContainText("第 2 / 2 页");
    await expect(cards).toHaveCount(n - 20);
    await page.goto("/meeting/my/bookings?page=abc");
    await expect(pager).toContainText("第 1 / 2 页");
  } finally {
    await setProperties(admin, { check: before.check });
    await admin.dispose();
  }
});

test("profile edit with inline validation, and avatar upload with client-side checks", async ({ page }) => {
  await signInAsUser(page, userid, { name: "界面测试", mobile: "13912340000", next: "/meeting/my" });
  await page.goto("/meeting/my");
  await expect(page.getByText("界面测试", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "编辑资料" }).click();
  await expect(page).toHaveURL(/\/meeting\/my\/profile$/);

  await page.getByLabel("电子邮箱").fill("not-an-email");
  await page.getByLabel("电子邮箱").blur();
  await expect(page.getByText("邮箱格式不正确")).toBeVisible();
  await page.getByLabel("电子邮箱").fill("ui@campus.example");
  await page.getByLabel("年龄").fill("21");
  await page.getByText("女", { exact: true }).click();
  await page.getByLabel("联系电话").fill("13712345678");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("电子邮箱")).toHaveValue("ui@campus.example");
  await expect(page.getByLabel("年龄")).toHaveValue("21");
  await expect(page.getByLabel("联系电话")).toHaveValue("13712345678");
  await expect(page.getByRole("radio", { name: "女" })).toBeChecked();

  // Wrong type and too large are refused before anything is sent.
  const file = page.locator('input[type="file"]');
  let uploads = 0;
  page.on("request", (r) => r.url().includes("/profile/upload") && uploads++);
  await file.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(page.getByText("请选择图片文件")).toBeVisible();
  await file.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(3 * 1024 * 1024 + 1) });
  await expect(page.getByText("图片大小超出限制")).toBeVisible();
  expect(uploads).toBe(0);

  // A real PNG goes up (progress, preview) and becomes the avatar.
  const png = await sharp({ create: { width: 96, height: 96, channels: 3, background: "#1f66d9" } }).png().toBuffer();
  await file.setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png });
  await expect(page.getByText("头像已更新")).toBeVisible();
  expect(uploads).toBe(1);
  await page.goto("/meeting/my");
  await expect(page.locator('img[src*="/meeting/avatar/"]').first()).toBeVisible();
});

test("old bookmarks land on the new pages", async ({ request }) => {
  const cases: [string, string][] = [
    ["/meeting/pages/index.html", "/meeting/"],
    ["/meeting/pages/history.html", "/meeting/my/bookings"],
    ["/meeting/pages/my.html", "/meeting/my"],
    ["/meeting/pages/edit_info.html", "/meeting/my/profile"],
  ];
  for (const [from, to] of cases) {
    const res = await request.get(from, { maxRedirects: 0 });
    expect([301, 302, 307, 308], from).toContain(res.status());
    expect(new URL(res.headers()["location"], "http://x").pathname.replace(/\/$/, "") || "/", from).toBe(to.replace(/\/$/, "") || "/");
  }
});

test("every user page: no serious accessibility violations, screenshots at 390×844 and 1280×800", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsUser(page, userid, { name: "界面测试", mobile: "13912340000", next: "/meeting" });
  const roomPage = pages.room ?? `/meeting/room/1/${DAY}`;
  const list: [string, string][] = [
    ["home", "/meeting"],
    ["room", roomPage],
    ["booking-form", pages.form ?? `/meeting/appointment/1?date=${DAY}&start=${START}&duration=60`],
    ["my-bookings", "/meeting/my/bookings?status=1"],
    ["booking-detail", pages.detail ?? "/meeting/my/bookings"],
    ["me", "/meeting/my"],
    ["profile", "/meeting/my/profile"],
  ];
  for (const [name, path] of list) await axeAndShoot(page, name, path);

  // English, through the toggle.
  await page.goto("/meeting");
  await page.getByRole("link", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { name: "Find a meeting room", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await axeAndShoot(page, "home-en", "/meeting");
  await axeAndShoot(page, "room-en", roomPage);
  await page.getByRole("link", { name: "切换到中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByText("会议室详情")).toBeVisible();
  expect(findings).toEqual([]);
});
