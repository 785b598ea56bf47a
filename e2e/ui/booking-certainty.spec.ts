// Certainty at once and recurring bookings in Chromium at phone size: another person's pending request shows on the
// room timeline (申请中), in the search results and as a warning in the form; a free slot is approved at submission
// when auto-review is on, an overlapping one queues with its place shown; a weekly series of 16 dates with 2 taken
// books 14 and is approved as one from the console. Screenshots at 390×844 in e2e/artifacts/booking/.
import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin, signInAsUser } from "../helpers/auth";
import { book, client, json, roomsByPlace, runTag, setProperties, superAdmin } from "../helpers/booking";
import { ADMIN_PASSWORD } from "../helpers/env";

test.describe.configure({ mode: "serial" });

const SHOTS = "e2e/artifacts/booking";
const ROOM = "逸夫楼401";
const tag = runTag();
/** yyyy-MM-dd in the campus zone, `offset` days from today. */
const campusDate = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const localMs = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00+08:00`);
// Far ahead and distinct per run, clear of the other specs' days.
const DAY = campusDate(9 + (Number(tag) % 5));
const me = `bc${tag}`;
const other = `bo${tag}`;

let restore: Record<string, string | number | boolean>;
let roomId: number;

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${SHOTS}/${name}-390x844.png`, fullPage: true });
}

test.beforeAll(async () => {
  const admin = await superAdmin();
  restore = await setProperties(admin, { sh: 8, sm: 0, ch: 22, cm: 0, check: false });
  roomId = (await roomsByPlace(admin))[ROOM].roomId;
  await admin.dispose();
});

test.afterAll(async () => {
  const admin = await superAdmin();
  await setProperties(admin, restore);
  await admin.dispose();
});

test("another person's pending request shows on the timeline, in search and in the form; a queued request shows its place", async ({ page }) => {
  const them = await client({ user: other });
  await book(them, { roomId, datetime: localMs(DAY, "10:00"), duration: 60, purpose: "别人的申请" });
  await them.dispose();

  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsUser(page, me, { name: "确定性测试", mobile: "13912345601", next: "/meeting" });

  await page.goto(`/meeting?${new URLSearchParams({ date: DAY, start: "10:30", duration: "60", size: "4", roomId: String(roomId) })}`);
  const card = page.getByRole("link", { name: new RegExp(`^${ROOM}`) });
  await expect(card).toContainText("10:30 空闲");
  await expect(card.getByTestId("pending-overlap")).toHaveText("1 个待审核申请重叠");
  await shoot(page, "search-pending");

  await card.click();
  await expect(page).toHaveURL(new RegExp(`/meeting/room/${roomId}/${DAY}\\?.*size=4`));
  await expect(page.getByText("10:00–11:00 申请中（待审核）")).toBeVisible();
  await expect(page.getByTestId("timeline-pending")).toHaveCount(1);
  await expect(page.getByText("别人的申请")).toHaveCount(0); // no names, no purposes
  await shoot(page, "timeline-pending");

  await page.goto(`/meeting/appointment/${roomId}?${new URLSearchParams({ date: DAY, start: "10:30", duration: "60", size: "4" })}`);
  await expect(page.getByLabel("参与人数")).toHaveValue("4"); // carried from the search
  await expect(page.getByTestId("pending-warning")).toHaveText("已有 1 个待审核申请与该时段重叠，先到先审");
  await page.getByLabel("会议用途").fill("排队的申请");
  await shoot(page, "form-pending-warning");
  await page.getByRole("button", { name: "提交预约" }).click();
  await expect(page).toHaveURL(/\/meeting\/history\/detail\/\d+\?created=1/);
  await expect(page.getByTestId("queue-position")).toHaveText("排队第 2 位：同一时段有更早的申请，先到先审。");
  await shoot(page, "detail-queued");
});

test("with auto-review on, a free slot is approved at submission; the form counts the purpose and steps durations by 15", async ({ page }) => {
  const admin = await superAdmin();
  await setProperties(admin, { check: true });
  try {
    await signInAsUser(page, me, { name: "确定性测试", mobile: "13912345601", next: "/meeting" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/meeting/appointment/${roomId}?${new URLSearchParams({ date: DAY, start: "15:00", duration: "60" })}`);
    const duration = page.getByLabel(/时长/);
    await duration.fill("45");
    expect(await duration.evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(true);
    await duration.press("ArrowUp");
    await expect(duration).toHaveValue("60");
    expect(await duration.evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(true);
    await page.getByLabel("参与人数").fill("3");
    const purpose = page.getByLabel("会议用途");
    await purpose.fill("字".repeat(101));
    await expect(page.getByText("101/100")).toBeVisible();
    await expect(purpose).toHaveValue("字".repeat(101)); // never silently cut
    await page.getByRole("button", { name: "提交预约" }).click();
    await expect(page.getByText("用途最多 100 个字，已超出 1 个字")).toBeVisible();
    await purpose.fill("即时通过");
    await expect(page.getByText("4/100")).toBeVisible();
    await page.getByRole("button", { name: "提交预约" }).click();
    await expect(page).toHaveURL(/\/meeting\/history\/detail\/\d+\?created=1/);
    await expect(page.getByTestId("created-banner")).toContainText("预约成功，已通过");
    await expect(page.getByText("自动审核：成功通过审核")).toBeVisible();
    await shoot(page, "detail-approved");

    // 再约一次: the same room and time next week, prefilled.
    await page.getByTestId("book-again").click();
    await expect(page).toHaveURL(/\/meeting\/appointment\/\d+\?/);
    const next = new Date(Date.parse(`${DAY}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await expect(page.getByLabel("日期")).toHaveValue(next);
    await expect(page.getByLabel("开始时间")).toHaveValue("15:00");
    await expect(page.getByLabel("会议用途")).toHaveValue("即时通过");
    await expect(page.getByLabel("参与人数")).toHaveValue("3");

    // My bookings opens on 即将开始, soonest first.
    await page.goto("/meeting/my/bookings");
    await expect(page.getByRole("link", { name: /即将开始/ }).first()).toHaveAttribute("aria-current", "page");
    const items = page.getByRole("link", { name: new RegExp(`^${ROOM}`) });
    await expect(items.first()).toContainText("10:30");
    await expect(items.nth(1)).toContainText("15:00");
    await shoot(page, "my-bookings-upcoming");
  } finally {
    await setProperties(admin, { check: false });
    await admin.dispose();
  }
});

test("a 16-week series with 2 taken dates books 14 and is approved as one from the console", async ({ page, browser }) => {
  // Two of the sixteen Tuesdays-at-19:00 are already taken (approved bookings of someone else).
  const them = await client({ user: other });
  const admin = await superAdmin();
  const first = campusDate(30 + (Number(tag) % 7));
  const taken = [14, 35].map((d) => new Date(Date.parse(`${first}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10));
  for (const d of taken) {
    const id = await book(them, { roomId, datetime: localMs(d, "19:30"), duration: 60, purpose: "先占" });
    expect((await json(await admin.post("/meeting/check/approve", { form: { ais: String(id) } }))).errcode).toBe(0);
  }
  await them.dispose();

  await signInAsUser(page, me, { name: "确定性测试", mobile: "13912345601", next: "/meeting" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/meeting/appointment/${roomId}?${new URLSearchParams({ date: first, start: "19:00", duration: "120", size: "8" })}`);
  await page.getByLabel("会议用途").fill("组会");
  await page.getByRole("radio", { name: "每周", exact: true }).click();
  await page.getByLabel("次数").fill("16");
  const list = page.getByTestId("occurrences");
  await expect(list.locator("li")).toHaveCount(16);
  await expect(list.locator('li[data-state="taken"]')).toHaveCount(2);
  await expect(page.getByTestId("repeat-summary")).toHaveText("将预约 14 次（共 16 次）");
  await shoot(page, "form-series-preview");
  await page.getByRole("button", { name: "提交 14 次预约" }).click();

  await expect(page).toHaveURL(/\/meeting\/my\/series\/\d+\?created=1/);
  const seriesId = Number(/series\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByText("已预约 14 次，跳过 2 次。")).toBeVisible();
  await expect(page.getByTestId("series-dates").locator("li")).toHaveCount(14);
  await expect(page.getByTestId("series-dates").locator('li[data-status="2"]')).toHaveCount(14);
  await shoot(page, "series-page");

  // The console reviews it as one.
  const consoleCtx = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const console = await consoleCtx.newPage();
  await signInAsAdmin(console, "admin", ADMIN_PASSWORD());
  await console.setViewportSize({ width: 390, height: 844 });
  await console.goto("/meeting/admin/review");
  const badge = console.locator(`[data-series-id="${seriesId}"]`).first();
  await expect(badge).toContainText("14 次待审");
  await console.screenshot({ path: `${SHOTS}/console-review-series-390x844.png`, fullPage: true });
  await badge.getByRole("button", { name: "整个系列通过" }).click();
  await console.getByRole("button", { name: "确定通过" }).click();
  await expect(console.getByText(/整个系列已通过：14 次/)).toBeVisible();
  await consoleCtx.close();

  const detail = await json(await page.request.get(`/meeting/api/series/${seriesId}`));
  expect(detail.series.occurrences.map((o: { status: number }) => o.status)).toEqual(Array(14).fill(3));

  // Cancel this and the following dates from the 13th on: 2 cancelled.
  await page.goto(`/meeting/my/series/${seriesId}`);
  const thirteenth = page.getByTestId("series-dates").locator("li").nth(12);
  await thirteenth.getByRole("button", { name: "取消这次及之后" }).click();
  await page.getByRole("button", { name: "确定取消" }).click();
  await expect(page.getByTestId("series-dates").locator('li[data-status="1"]')).toHaveCount(2);
  await expect(page.getByTestId("series-dates").locator('li[data-status="3"]')).toHaveCount(12);
  await admin.dispose();
});

test("“until the end of this term” is offered only when a term holds the first date, and ends the series on its last day", async ({ page }) => {
  const admin = await superAdmin();
  const calendarOf = async (d: string) => json(await admin.get(`/meeting/api/calendar?from=${d}&days=1`));
  // A date inside a term: the demo term when it holds it, otherwise a term made for this test (removed at the end).
  const first = campusDate(4 + (Number(tag) % 3));
  let madeTerm: number | null = null;
  if (!(await calendarOf(first)).term) {
    const made = await json(await admin.post("/meeting/api/admin/calendar/term", { form: { name: `测试学期${tag}`, firstDay: first, weeks: "6" } }));
    expect(made.errcode).toBe(0);
    madeTerm = made.id;
  }
  // A date no term holds (terms are at most 40 weeks long).
  let outside = campusDate(300);
  for (let i = 0; (await calendarOf(outside)).term && i < 5; i++) outside = campusDate(300 + 300 * (i + 1));
  expect((await calendarOf(outside)).term).toBeNull();
  try {
    const term = (await calendarOf(first)).term as { name: string; lastDay: string };
    const caps = { weeks: 16 }; // the default (the settings spec restores it)
    const capEnd = new Date(Date.parse(`${first}T00:00:00Z`) + (caps.weeks * 7 - 1) * 86_400_000).toISOString().slice(0, 10);
    const end = term.lastDay < capEnd ? term.lastDay : capEnd;
    // The Tuesdays… of the weekly rule from `first` up to and including `end`.
    const expected: string[] = [];
    for (let d = first; d <= end; d = new Date(Date.parse(`${d}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)) expected.push(d);

    await signInAsUser(page, me, { name: "确定性测试", mobile: "13912345601", next: "/meeting" });
    await page.setViewportSize({ width: 390, height: 844 });

    // Outside every term: no such choice.
    await page.goto(`/meeting/appointment/${roomId}?${new URLSearchParams({ date: outside, start: "21:00", duration: "30", size: "2" })}`);
    await page.getByRole("radio", { name: "每周", exact: true }).click();
    await expect(page.getByRole("radio", { name: "次数", exact: true })).toBeVisible();
    await expect(page.getByTestId("week-label")).toHaveText(/^周[一二三四五六日]/); // the calendar answer is in: no term
    await expect(page.getByRole("radio", { name: "本学期结束" })).toHaveCount(0);

    // Inside a term: chosen, the preview runs to the term's last day, and the submission stores it.
    await page.goto(`/meeting/appointment/${roomId}?${new URLSearchParams({ date: first, start: "21:00", duration: "30", size: "2" })}`);
    await page.getByLabel("会议用途").fill("学期例会");
    await page.getByRole("radio", { name: "每周", exact: true }).click();
    await page.getByRole("radio", { name: "本学期结束" }).click();
    await expect(page.getByTestId("repeat-term-end")).toContainText(term.name);
    const list = page.getByTestId("occurrences");
    await expect(list.locator("li")).toHaveCount(expected.length);
    // Each date carries its teaching week, as the form's date does.
    const week = (await calendarOf(first)).days[0].week as number;
    await expect(list.locator("li").first()).toContainText(`第${week}周`);
    await shoot(page, "form-series-term-end");
    const bookable = await list.locator('li:has(input[type="checkbox"]:checked)').count();
    await page.getByRole("button", { name: `提交 ${bookable} 次预约` }).click();
    await expect(page).toHaveURL(/\/meeting\/my\/series\/\d+\?created=1/);
    const seriesId = Number(/series\/(\d+)/.exec(page.url())![1]);
    const detail = await json(await page.request.get(`/meeting/api/series/${seriesId}`));
    expect(detail.series).toMatchObject({ rule: "weekly", firstDate: first, untilDate: end });
    await expect(page.getByTestId("series-dates").locator("li").first()).toContainText(`第${week}周`);
    expect((await json(await page.request.post(`/meeting/api/series/${seriesId}/cancel`, { form: { scope: "all" } }))).errcode).toBe(0);
  } finally {
    if (madeTerm !== null) expect((await json(await admin.post("/meeting/api/admin/calendar/remove", { form: { kind: "term", id: String(madeTerm) } }))).errcode).toBe(0);
    await admin.dispose();
  }
});
