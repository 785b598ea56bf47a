// The console's bookings grid, closures, academic calendar on the booking form, reports and the settings form, in
// Chromium. Screenshots at 1440×900 and 390×844 go to e2e/artifacts/console/.
import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signInAsAdmin, signInAsUser } from "../helpers/auth";
import { at, client, json, outboxMessages, runTag, superAdmin } from "../helpers/booking";
import { legacyOk, setSettings, shoot, SUPER, superPassword } from "../helpers/console";
import { createAppViaSettingsPage, getToken, openApi } from "../helpers/open-api";

fs.mkdirSync("e2e/artifacts/console", { recursive: true });

const tag = runTag();
/** yyyy-MM-dd (campus zone) of an epoch ms. */
const dateOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

let admin: APIRequestContext;
test.beforeAll(async () => {
  admin = await superAdmin();
  await setSettings(admin, { check: false, sh: 8, sm: 0, ch: 22, cm: 0 });
});

async function addRoom(place: string, size = 10): Promise<number> {
  await legacyOk(admin, "POST", "/meeting/api/admin/rooms", { place, size: String(size), available: 1 });
  const { rooms } = await legacyOk<{ rooms: { roomId: number; place: string }[] }>(admin, "GET", "/meeting/api/admin/rooms");
  return rooms.find((r) => r.place === place)!.roomId;
}

async function gridOf(date: string, q: string) {
  return legacyOk<{ rooms: { id: number; place: string; bookings: { id: number; status: number; start: number }[] }[] }>(
    admin,
    "GET",
    `/meeting/api/admin/grid?date=${date}&view=day&q=${encodeURIComponent(q)}`,
  );
}

async function openGrid(page: Page, date: string, q: string) {
  await page.goto("/meeting/admin/grid");
  await expect(page.getByRole("heading", { level: 1, name: "预约总览" })).toBeVisible();
  await page.getByLabel("日期", { exact: true }).fill(date);
  await page.getByLabel("搜索地点").fill(q);
}

test("grid: day and week views with pending, approved and closed states; move, cancel, drag to book on behalf", async ({ browser }) => {
  test.setTimeout(180_000);
  const prefix = `网格${tag}`;
  const a = await addRoom(`${prefix}A`);
  const b = await addRoom(`${prefix}B`);
  // A room the grid (filtered to the prefix) does not show: a booking can still be moved there.
  const elsewhere = `他处${tag}C`;
  const c = await addRoom(elsewhere);
  const userid = `grid${tag}`;
  const user = await client({ user: userid });
  const day = at(3, 0);
  const date = dateOf(day);
  // A pending request in A, an approved booking in B (booked by the admin on the person's behalf), a closure of A.
  const pending = await json(await user.post("/meeting/appointment", { form: { roomId: a, datetime: String(at(3, 9)), duration: "60", size: "2", phone: "13912345678", purpose: "组会" } }));
  expect(pending).toEqual({ errcode: 0, errmsg: "ok" });
  const people = await legacyOk<{ people: { id: number; userid: string }[] }>(admin, "GET", `/meeting/api/admin/people?q=${userid}`);
  const person = people.people.find((p) => p.userid === userid)!;
  const approved = await legacyOk<{ id: number; outcome: string }>(admin, "POST", "/meeting/api/admin/bookings/book", {
    userId: person.id, roomId: b, start: at(3, 10), duration: 90, size: 3, purpose: "答辩",
  });
  expect(approved.outcome).toBe("approved");
  await legacyOk(admin, "POST", "/meeting/api/admin/closures", { scope: "room", roomId: a, start: at(3, 16), end: at(3, 18), reason: "维修" });

  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  await signInAsAdmin(page, SUPER, superPassword());
  await openGrid(page, date, prefix);
  const rowA = page.locator(`[data-room="${prefix}A"]`);
  const rowB = page.locator(`[data-room="${prefix}B"]`);
  await expect(rowA.getByRole("button", { name: /^待审核：09:00–10:00 组会/ })).toBeVisible();
  await expect(rowA.getByText("✕ 关闭 维修")).toBeVisible();
  await expect(rowB.getByRole("button", { name: /^已通过：10:00–11:30 答辩/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "图例" })).toContainText("待审核");
  await page.waitForLoadState("networkidle");
  await shoot(page, "grid-day-1440");

  await page.getByRole("button", { name: "周", exact: true }).click();
  await expect(rowB.getByRole("button", { name: /^已通过：10:00–11:30 答辩/ })).toBeVisible();
  await expect(page.getByText(/周[一二三四五六日]/).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await shoot(page, "grid-week-1440");
  await page.getByRole("button", { name: "日", exact: true }).click();

  // Move the approved booking from B to A, 11:00–12:30: the booker is told the old and new place and time.
  await rowB.getByRole("button", { name: /^已通过/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`${userid}`);
  await dialog.getByRole("button", { name: "调整时间/地点" }).click();
  // The room is picked by searching every open room on the server, not from the rooms of this grid page.
  await expect(dialog.getByTestId("move-room")).toContainText(`${prefix}B`);
  await dialog.getByRole("button", { name: "更换会议室" }).click();
  await dialog.getByLabel("搜索会议室").fill(`${prefix}A`);
  await dialog.getByRole("list", { name: "可选会议室" }).getByRole("button", { name: new RegExp(`^${prefix}A`) }).click();
  await expect(dialog.getByTestId("move-room")).toContainText(`${prefix}A`);
  await dialog.getByLabel("开始").fill("16:30"); // inside the closure: refused with the reason
  await dialog.getByLabel("结束").fill("17:30");
  await dialog.getByRole("button", { name: "确认调整并通知" }).click();
  await expect(dialog.getByRole("alert")).toContainText("维修");
  await dialog.getByLabel("开始").fill("11:00");
  await dialog.getByLabel("结束").fill("12:30");
  await dialog.getByRole("button", { name: "确认调整并通知" }).click();
  await expect(rowA.getByRole("button", { name: /^已通过：11:00–12:30 答辩/ })).toBeVisible();
  await expect(rowB.getByRole("button", { name: /^已通过/ })).toHaveCount(0);

  // Cancel the pending request with a reason.
  await rowA.getByRole("button", { name: /^待审核/ }).click();
  await dialog.getByRole("button", { name: "取消预约" }).click();
  await dialog.getByLabel("取消原因（会发给预约人）").fill("会议室临时征用");
  await dialog.getByRole("button", { name: "确认取消并通知" }).click();
  await expect(rowA.getByRole("button", { name: /^待审核/ })).toHaveCount(0);

  const grid = await gridOf(date, prefix);
  const ga = grid.rooms.find((r) => r.id === a)!;
  expect(ga.bookings.map((x) => [x.id, x.status, x.start])).toEqual([[approved.id, 3, at(3, 11)]]);
  const history = await json(await user.get("/meeting/history/1"));
  expect(history.history.map((h: { checkInfo: string }) => h.checkInfo)).toContainEqual(expect.stringContaining("会议室临时征用"));
  const messages = await outboxMessages([approved.id]);
  if (messages) expect(messages.at(-1)!.content).toMatch(new RegExp(`原：${prefix}B[\\s\\S]*现：${prefix}A`));

  // Drag across an empty stretch of B to book it on the person's behalf.
  const laneB = rowB.locator("div.cursor-crosshair");
  const box = (await laneB.boundingBox())!;
  // Open 08:00–22:00 (14 h): 14:00 is at 6/14 of the lane, 15:00 at 7/14.
  await page.mouse.move(box.x + (box.width * 6) / 14 + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + (box.width * 6.5) / 14, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + (box.width * 7) / 14 + 1, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(dialog).toContainText(`代为预约 ${prefix}B`);
  await expect(dialog.getByLabel("开始")).toHaveValue("14:00");
  await expect(dialog.getByLabel("结束")).toHaveValue("15:00");
  await dialog.getByLabel("预约人（姓名或工号）").fill(userid);
  await dialog.getByRole("button", { name: new RegExp(userid) }).click();
  await dialog.getByLabel("用途").fill("评审");
  await dialog.getByRole("button", { name: "预约并通过" }).click();
  await expect(rowB.getByRole("button", { name: /^已通过：14:00–15:00 评审/ })).toBeVisible();

  // Move the new booking to a room that is not on this grid page: found by the server-side search, same time.
  await rowB.getByRole("button", { name: /^已通过：14:00–15:00 评审/ }).click();
  await dialog.getByRole("button", { name: "调整时间/地点" }).click();
  await dialog.getByRole("button", { name: "更换会议室" }).click();
  await dialog.getByLabel("搜索会议室").fill(`他处${tag}`);
  const offered = dialog.getByRole("list", { name: "可选会议室" });
  await expect(offered.getByRole("button")).toHaveCount(1);
  await offered.getByRole("button", { name: new RegExp(`^${elsewhere}`) }).click();
  await dialog.getByRole("button", { name: "确认调整并通知" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(rowB.getByRole("button", { name: /评审/ })).toHaveCount(0);
  const gc = (await gridOf(date, elsewhere)).rooms.find((r) => r.id === c)!;
  expect(gc.bookings.map((x) => [x.status, x.start])).toEqual([[3, at(3, 14)]]);
  await ctx.close();

  // A phone: one room per card, same states.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const p2 = await phone.newPage();
  await signInAsAdmin(p2, SUPER, superPassword());
  await openGrid(p2, date, prefix);
  const card = p2.locator(`[data-room-card="${prefix}A"]`);
  await expect(card.getByRole("button", { name: /已通过 11:00–12:30 答辩/ })).toBeVisible();
  await expect(card).toContainText("✕ 关闭");
  await p2.waitForLoadState("networkidle");
  await shoot(p2, "grid-day-390");
  await p2.getByRole("button", { name: "周", exact: true }).click();
  await expect(card).toContainText("维修");
  await p2.waitForLoadState("networkidle");
  await shoot(p2, "grid-week-390");
  await phone.close();
});

test("a closure refuses bookings through the page, the legacy API and the Open API, and cancels the hit bookings once", async ({ browser, playwright }) => {
  test.setTimeout(180_000);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const app = await createAppViaSettingsPage(page, `关闭测试${tag}`);
  const api = await playwright.request.newContext({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 3100}` });
  const call = openApi(api, await getToken(api, app.appkey, app.appsecret));
  const place = `关闭${tag}`;
  const roomId = Number((await call("room/add", { name: place, capacity: 10, needAudit: 1 })).value.id);
  const userid = `close${tag}`;
  const user = await client({ user: userid });
  const hit = await json(await user.post("/meeting/appointment", { form: { roomId, datetime: String(at(5, 10)), duration: "60", size: "2", phone: "13912345678", purpose: "例会" } }));
  expect(hit).toEqual({ errcode: 0, errmsg: "ok" });

  // The console: the closure lists the booking it hits; creating it cancels that booking with one reason.
  await page.goto("/meeting/admin/closures");
  await expect(page.getByRole("heading", { level: 1, name: "关闭管理" })).toBeVisible();
  // The room is found by searching (server side, paged), not picked from a list of every room.
  await page.getByLabel("搜索会议室").fill(place);
  await page.getByRole("list", { name: "可选会议室" }).getByRole("button", { name: new RegExp(`^${place}`) }).click();
  await expect(page.getByTestId("cl-room")).toContainText(place);
  const d = dateOf(at(5, 0));
  await page.getByLabel("开始").fill(`${d}T08:00`);
  await page.getByLabel("结束").fill(`${d}T22:00`);
  await page.getByRole("button", { name: "维修" }).click();
  await page.getByRole("button", { name: "检查受影响的预约" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("此关闭影响 1 条预约");
  await expect(dialog).toContainText(userid);
  await dialog.getByLabel("取消原因（发给预约人）").fill("空调维修");
  await dialog.getByRole("button", { name: "创建关闭并取消 1 条预约" }).click();
  const item = page.getByRole("list", { name: "关闭列表" }).getByRole("listitem").filter({ hasText: place });
  await expect(item).toContainText("无冲突预约");
  await page.waitForLoadState("networkidle");
  await shoot(page, "closures-1440");
  const cancelled = await json(await user.get("/meeting/history/1"));
  expect(cancelled.history.filter((h: { checkInfo: string }) => h.checkInfo.includes("空调维修"))).toHaveLength(1);

  // Legacy API: 3003 with the reason. Open API: its own code.
  const legacy = await json(await user.post("/meeting/appointment", { form: { roomId, datetime: String(at(5, 14)), duration: "60", size: "2", phone: "13912345678", purpose: "例会" } }));
  expect(legacy.errcode).toBe(3003);
  expect(legacy.errmsg).toContain("维修");
  await signInAsUser(api, userid);
  const me = (await call("user/list")).value.find((u: { account: string }) => u.account === userid);
  const open = await call("meeting/book", { roomId: String(roomId), speaker: "张三", subject: "评审", beginTime: at(5, 14), endTime: at(5, 15), createdId: me.id, attendances: [{ userId: me.id }] });
  expect(open).toMatchObject({ success: false, code: 71017 });
  // Asking the closure to cancel again touches nobody.
  const { closures } = await legacyOk<{ closures: { id: number; place: string | null }[] }>(admin, "GET", "/meeting/api/admin/closures");
  const mine = closures.find((c) => c.place === place)!;
  expect((await legacyOk<{ cancelled: number[] }>(admin, "POST", "/meeting/api/admin/closures/cancel-hits", { id: mine.id, reason: "again" })).cancelled).toEqual([]);

  // The page: the booking form says the room is closed, shows the teaching week and offers class periods.
  const userPage = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signInAsUser(userPage.context().request, userid);
  await userPage.goto(`/meeting/appointment/${roomId}?date=${d}&start=14:00&duration=60`);
  await expect(userPage.getByText("该时段会议室关闭：维修")).toBeVisible();
  await expect(userPage.getByTestId("week-label")).toHaveText(/^第\d+周 周[一二三四五六日]|^周[一二三四五六日]/);
  await userPage.getByRole("button", { name: /第3–4节/ }).click();
  await expect(userPage.locator('input[name="start"]')).toHaveValue("09:55");
  await expect(userPage.locator('input[name="duration"]')).toHaveValue("95");
  await userPage.waitForLoadState("networkidle");
  await shoot(userPage, "booking-form-calendar-390");
  await userPage.close();
  await page.close();
});

test("calendar, reports and settings pages: saved settings show at once; reports export xlsx", async ({ browser }) => {
  test.setTimeout(180_000);
  for (const vp of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    const ctx = await browser.newContext({ viewport: vp, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    await signInAsAdmin(page, SUPER, superPassword());
    await page.goto("/meeting/admin/calendar");
    await expect(page.getByRole("heading", { level: 1, name: "校历与节次" })).toBeVisible();
    await expect(page.getByRole("list", { name: "节次列表" })).toContainText("08:00–09:35");
    if (vp.width === 1440) {
      // A term is added, corrected in place (its weeks), and removed.
      const name = `修改测试学期${tag}`;
      const terms = page.getByRole("list", { name: "学期列表" });
      await page.getByLabel("学期名称").fill(name);
      await page.getByLabel("第一天").fill("2041-09-02");
      await page.getByLabel("周数").fill("2");
      await page.getByRole("button", { name: "添加", exact: true }).first().click();
      await expect(terms.getByRole("listitem").filter({ hasText: name })).toContainText("2041-09-02 起 2 周（至 2041-09-15）");
      await page.getByRole("button", { name: `修改学期 ${name}` }).click();
      await expect(page.getByLabel("学期名称")).toHaveValue(name);
      await page.getByLabel("周数").fill("20");
      await page.getByRole("button", { name: "保存学期" }).click();
      await expect(terms.getByRole("listitem").filter({ hasText: name })).toContainText("2041-09-02 起 20 周（至 2042-01-19）");
      await expect(terms.getByRole("listitem").filter({ hasText: name })).toHaveCount(1);
      await expect(page.getByLabel("学期名称")).toHaveValue("");
      await page.getByRole("button", { name: `删除学期 ${name}` }).click();
      await expect(terms.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
    }
    await page.waitForLoadState("networkidle");
    await shoot(page, `calendar-${vp.width}`);
    await page.goto("/meeting/admin/reports");
    await expect(page.getByRole("heading", { level: 1, name: "统计报表" })).toBeVisible();
    await expect(page.getByText("时段热力图")).toBeVisible();
    await page.waitForLoadState("networkidle");
    await shoot(page, `reports-${vp.width}`);
    if (vp.width === 1440) {
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "导出统计（xlsx）" }).click();
      expect((await download).suggestedFilename()).toMatch(/^report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);

      // Settings: after saving, the form shows the saved value at once (no reload).
      await page.goto("/meeting/admin/settings");
      const interval = page.getByLabel("保留天数");
      const before = await interval.inputValue();
      const next = before === "9" ? "8" : "9";
      await interval.fill(next);
      await page.getByRole("button", { name: "保存修改" }).click();
      await expect(page.getByText("已立即生效")).toBeVisible();
      await expect(interval).toHaveValue(next);
      await page.waitForLoadState("networkidle"); // the refetch after saving must not bring the old value back
      await expect(interval).toHaveValue(next);
      await interval.fill(before);
      await page.getByRole("button", { name: "保存修改" }).click();
      await expect(interval).toHaveValue(before);

      // Recurring-booking caps: their own section and endpoint; the legacy /server/properties keeps its shape.
      const weeks = page.getByLabel("最长周数");
      await expect(weeks).toHaveValue("16");
      await expect(page.getByLabel("最多次数")).toHaveValue("100");
      await weeks.fill("0");
      await page.getByRole("button", { name: "保存上限" }).click();
      await expect(page.getByText("不能小于1")).toBeVisible(); // refused before sending, beside the field
      await weeks.fill("20");
      await page.getByRole("button", { name: "保存上限" }).click();
      await expect(page.getByText("已保存重复预约上限")).toBeVisible();
      await page.waitForLoadState("networkidle");
      await expect(weeks).toHaveValue("20");
      const caps = await legacyOk<{ settings: Record<string, number> }>(page.request, "GET", "/meeting/api/admin/series-settings");
      expect(caps.settings).toEqual({ seriesMaxWeeks: 20, seriesMaxOccurrences: 100 });
      const legacy = await legacyOk<Record<string, unknown>>(page.request, "GET", "/meeting/server/properties");
      expect(Object.keys(legacy).filter((k) => /series/i.test(k))).toEqual([]);
      const bad = await page.request.post("/meeting/api/admin/series-settings", { form: { seriesMaxWeeks: "20", seriesMaxOccurrences: "501" } });
      expect(await bad.json()).toMatchObject({ errcode: 4002, errmsg: expect.stringContaining("seriesMaxOccurrences") });
      // The change is in the audit trail, and a signed-in user's form shows the new cap.
      const audit = await legacyOk<{ rows?: unknown[]; data?: unknown[] }>(page.request, "GET", "/meeting/api/admin/audit?action=settings.series_changed");
      expect(JSON.stringify(audit)).toContain("seriesMaxWeeks");
      await legacyOk(page.request, "POST", "/meeting/api/admin/series-settings", { seriesMaxWeeks: 16, seriesMaxOccurrences: 100 });
      await page.reload();
      await expect(weeks).toHaveValue("16");

      await page.goto("/meeting/manage/settings/openApi");
      await expect(page.getByRole("heading", { level: 1, name: "开放接口" })).toBeVisible();
      await expect(page.getByRole("link", { name: "开放接口" })).toHaveAttribute("aria-current", "page");
      await shoot(page, "open-api-1440");
    }
    await ctx.close();
  }
});
