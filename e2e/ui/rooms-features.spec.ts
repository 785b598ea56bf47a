// Rooms worth choosing, check-in and calendar feeds, as people use them in Chromium: an admin gives a room facts,
// photos and check-in through the console; a student finds it with the building and equipment filters, books it,
// checks in from the room's code, and subscribes to their calendar feed (parsed with ical.js, updated on change).
// Every new screen is photographed at 390×844 in e2e/artifacts/rooms/.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import ICAL from "ical.js";
import sharp from "sharp";
import { signInAsAdmin, signInAsUser, WXWORK_UA } from "../helpers/auth";
import { runTag, setProperties } from "../helpers/booking";
import { ADMIN_PASSWORD, serverEnv } from "../helpers/env";
import { createAppViaSettingsPage, getToken, openApi } from "../helpers/open-api";

test.describe.configure({ mode: "serial" });

const SHOTS = "e2e/artifacts/rooms";
const PHONE = { width: 390, height: 844 };
const tag = runTag();
const BUILDING = `实验楼${tag}`;
const PLACE = `签到研讨室${tag}`;
const userid = `rm${tag}`;
const FIVE_MIN = 300_000;

/** yyyy-MM-dd and minutes after midnight in the campus zone (UTC+8). */
const campus = (ms: number) => {
  const d = new Date(ms + 8 * 3_600_000);
  return { date: d.toISOString().slice(0, 10), minute: d.getUTCHours() * 60 + d.getUTCMinutes() };
};

let admin: Page;
let user: Page;
let roomId: number;
let checkInToken: string;
let nowBooking: number;
let laterBooking: number;

async function shoot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${SHOTS}/${name}-${PHONE.width}x${PHONE.height}.png`, fullPage: true });
}

/** A JSON answer, with the fields this spec reads (each answer has some of them). */
interface Answer {
  errcode: number;
  facts: { photos: unknown[]; checkInUrl: string };
  history: { appointId: number }[];
}

async function json(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<Answer> {
  expect(res.status()).toBeLessThan(500);
  return (await res.json()) as Answer;
}

/** Approves through the API (auto-review off meanwhile, as manual review requires), like the user-pages spec. */
async function approve(id: number) {
  const before = await setProperties(admin.request, { check: false });
  try {
    expect(await json(await admin.request.post("/meeting/check/approve", { form: { ais: String(id) } }))).toMatchObject({ errcode: 0 });
  } finally {
    await setProperties(admin.request, { check: before.check });
  }
}

/**
 * The student submits a booking that stays pending: auto-review is paused meanwhile (with it on, a free request is
 * approved at once), as in approve(). Returns its id, the newest of the student's pending requests.
 */
async function bookPending(form: Record<string, string | number>) {
  const before = await setProperties(admin.request, { check: false });
  try {
    expect(await json(await user.request.post("/meeting/appointment", { form }))).toEqual({ errcode: 0, errmsg: "ok" });
  } finally {
    await setProperties(admin.request, { check: before.check });
  }
  return (await json(await user.request.get("/meeting/history/2"))).history[0].appointId;
}

function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, sequence: e.sequence, status: String(v.getFirstPropertyValue("status")), start: e.startDate.toJSDate().getTime() };
  });
}

async function userPage(browser: Browser) {
  const ctx = await browser.newContext({ viewport: PHONE, userAgent: WXWORK_UA, deviceScaleFactor: 1 });
  return ctx.newPage();
}

test("admin: a room with building, equipment, photos and check-in; printable code as PNG and PDF", async ({ browser }) => {
  admin = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const app = await createAppViaSettingsPage(admin, `rooms-e2e-${tag}`);
  const call = openApi(admin.request, await getToken(admin.request, app.appkey, app.appsecret));
  // Bookable all day, so that a booking can start within the next ten minutes whenever this runs.
  const added = await call("room/add", { name: PLACE, capacity: 8, beginTime: "00:00", endTime: "24:00", needAudit: 1 });
  expect(added).toMatchObject({ success: true });
  roomId = Number(added.value.id);

  // The console dialog: facts, equipment, check-in, two photos.
  await admin.goto("/meeting/admin/rooms");
  await admin.getByRole("button", { name: `${PLACE} 的设施、照片与签到` }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel("楼宇").fill(BUILDING);
  await dialog.getByLabel("楼层").fill("2");
  await dialog.getByRole("checkbox", { name: "投影仪" }).check();
  await dialog.getByRole("checkbox", { name: "白板" }).check();
  await dialog.getByLabel("介绍").fill("小组讨论用，带投影和白板。");
  await dialog.getByRole("switch", { name: "需要签到" }).click();
  await dialog.getByRole("button", { name: "保存信息" }).click();
  await expect(admin.getByText(`已保存 ${PLACE} 的信息`)).toBeVisible();
  const photo = (color: string) => sharp({ create: { width: 1200, height: 900, channels: 3, background: color } }).jpeg().toBuffer();
  await admin.locator("#photo-file").setInputFiles([
    { name: "a.jpg", mimeType: "image/jpeg", buffer: await photo("#93c5fd") },
    { name: "b.jpg", mimeType: "image/jpeg", buffer: await photo("#fcd34d") },
  ]);
  await expect(dialog.getByRole("img", { name: `${PLACE} 照片 2` })).toBeVisible();
  await admin.screenshot({ path: `${SHOTS}/console-room-facts-1440x900.png`, fullPage: true });
  await admin.setViewportSize(PHONE);
  await admin.screenshot({ path: `${SHOTS}/console-room-facts-${PHONE.width}x${PHONE.height}.png`, fullPage: true });
  await admin.setViewportSize({ width: 1440, height: 900 });

  const facts = await json(await admin.request.get(`/meeting/api/admin/rooms/${roomId}/facts`));
  expect(facts.facts).toMatchObject({ building: BUILDING, floor: "2", equipment: ["投影仪", "白板"], checkInRequired: true });
  expect(facts.facts.photos).toHaveLength(2);
  checkInToken = facts.facts.checkInUrl.split("/checkin/")[1];

  // Printable code: a PNG poster and A4 / A5 PDF pages.
  const png = await admin.request.get(`/meeting/api/admin/rooms/${roomId}/poster?format=png`);
  expect(png.headers()["content-type"]).toBe("image/png");
  const meta = await sharp(await png.body()).metadata();
  expect([meta.width, meta.height]).toEqual([1240, 1754]);
  for (const f of ["a4", "a5"]) {
    const pdf = await admin.request.get(`/meeting/api/admin/rooms/${roomId}/poster?format=${f}`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  }
  // The room is in the Open API room object with its facts.
  const got = await call("room/get", { roomId: String(roomId) });
  expect(got.value).toMatchObject({ building: BUILDING, floor: "2", equipment: ["投影仪", "白板"], checkInRequired: 1 });
  expect(got.value.photos).toHaveLength(2);
});

test("student: building and equipment filters, result card with photo and equipment, room page with photos and facts", async ({ browser }) => {
  user = await userPage(browser);
  await signInAsUser(user, userid, { name: "签到测试", mobile: "13912345670", next: "/meeting" });
  const { date } = campus(Date.now() + 86_400_000);
  await user.goto(`/meeting?${new URLSearchParams([["date", date], ["duration", "60"], ["building", BUILDING], ["equipment", "投影仪"]])}`);
  const card = user.getByRole("link", { name: new RegExp(`^${PLACE}`) });
  await expect(card).toBeVisible();
  await expect(card).toContainText("投影仪");
  await expect(card).toContainText(`${BUILDING} · 2层`);
  await expect(card.locator("img")).toHaveCount(1);
  await shoot(user, "home-filters");
  // A filter the room does not meet hides it.
  await user.goto(`/meeting?${new URLSearchParams([["date", date], ["duration", "60"], ["building", BUILDING], ["equipment", "视频会议"]])}`);
  await expect(user.getByRole("link", { name: new RegExp(`^${PLACE}`) })).toHaveCount(0);

  await user.goto(`/meeting/room/${roomId}/${date}`);
  await expect(user.getByRole("img", { name: `${PLACE} 照片 1` })).toBeVisible();
  await expect(user.getByRole("heading", { name: "会议室信息" })).toBeVisible();
  await expect(user.getByText("该会议室需签到")).toBeVisible();
  await shoot(user, "room-page");
});

test("student: books, checks in from the room's code within the window; the detail page shows it", async () => {
  // Starts within ten minutes: the check-in window is already open.
  const start = Math.ceil(Date.now() / FIVE_MIN) * FIVE_MIN + FIVE_MIN;
  const { minute } = campus(start);
  const duration = Math.min(60, 1440 - minute);
  test.skip(duration < 15, "within 15 minutes of midnight (campus time) no booking fits before 24:00");
  const form = { roomId, datetime: start, duration, size: 2, phone: "13912345670", purpose: "签到演示" };
  await signInAsAdmin(admin, "admin", ADMIN_PASSWORD());
  nowBooking = await bookPending(form);
  await approve(nowBooking);

  await user.goto(`/meeting/history/detail/${nowBooking}`);
  await expect(user.locator("[data-checkin-state=pending]")).toContainText("未签到");
  await expect(user.getByRole("link", { name: "添加到日历（.ics）" })).toBeVisible();
  await shoot(user, "detail-checkin-pending");
  const ics = await user.request.get(`/meeting/ical/booking/${nowBooking}.ics`);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  expect(parseIcs(await ics.text())).toEqual([expect.objectContaining({ status: "CONFIRMED", start })]);

  await user.goto(`/meeting/checkin/${checkInToken}`);
  await expect(user.getByRole("heading", { name: PLACE })).toBeVisible();
  await shoot(user, "checkin-open");
  await user.getByRole("button", { name: "签到", exact: true }).click();
  await expect(user.getByText("已签到", { exact: true })).toBeVisible();
  await shoot(user, "checkin-done");
  // Scanning again changes nothing.
  expect(await json(await user.request.post("/meeting/api/checkin", { form: { token: checkInToken } }))).toMatchObject({ errcode: 0, already: true });

  await user.goto(`/meeting/history/detail/${nowBooking}`);
  await expect(user.locator("[data-checkin-state=done]")).toContainText("签到测试");
  await shoot(user, "detail-checkin-done");

  // A wrong code is a clear page, not an error.
  await user.goto("/meeting/checkin/not-a-real-token-000000");
  await expect(user.getByText("签到码无效或已更换")).toBeVisible();
});

test("student: calendar feed on the profile page parses and follows a change", async ({ playwright }) => {
  await user.goto("/meeting/my/profile");
  await expect(user.getByRole("heading", { name: "日历订阅" })).toBeVisible();
  await shoot(user, "profile-calendar");
  const feedUrl = await user.getByRole("textbox", { name: "日历订阅" }).inputValue();
  expect(feedUrl).toMatch(/\/meeting\/ical\/[A-Za-z0-9_-]{24}\.ics$/);
  expect(await user.getByRole("link", { name: "订阅到日历" }).getAttribute("href")).toMatch(/^webcal:\/\//);

  // Tomorrow 10:00 campus time, pending: TENTATIVE; approved: CONFIRMED with a higher SEQUENCE.
  const { date } = campus(Date.now() + 86_400_000);
  const start = Date.parse(`${date}T10:00:00+08:00`);
  const form = { roomId, datetime: start, duration: 60, size: 2, phone: "13912345670", purpose: "组会" };
  laterBooking = await bookPending(form);

  // Calendar apps fetch without cookies.
  const anonymous = await playwright.request.newContext();
  const path = new URL(feedUrl).pathname;
  const base = serverEnv("APP_URL");
  const read = async () => {
    const res = await anonymous.get(`${base}${path}`);
    expect(res.headers()["content-type"]).toContain("text/calendar");
    return parseIcs(await res.text()).find((e) => e.uid.startsWith(`booking-${laterBooking}@`))!;
  };
  const pending = await read();
  expect(pending).toMatchObject({ status: "TENTATIVE", start });
  await approve(laterBooking);
  const approved = await read();
  expect(approved.status).toBe("CONFIRMED");
  expect(approved.sequence).toBeGreaterThan(pending.sequence);
  expect(approved.uid).toBe(pending.uid);
  await anonymous.dispose();
});
