import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { campusOff, useFakeCampus } from "@/lib/clients/campus/testing/use-fake-campus";
import { control, useFakeWecom } from "@/lib/clients/wecom/testing/use-fake-wecom";
import { getDb } from "@/lib/db";
import { admins, auditLog, bookingReminders, campusCalendarEntries, campusProfiles, departments, outbox, STATUS, users } from "@/lib/db/schema";
import { useTestDb } from "@/lib/db/testing";
import { sendReminders } from "@/lib/jobs/send-reminders";
import { deliverOutbox } from "@/lib/outbox/deliver-outbox";
import { campusCallHandler } from "@/lib/outbox/handlers/campus-call";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { readSessionAdmin } from "@/lib/services/auth/read-session-admin";
import { signInAdminByWecom } from "@/lib/services/auth/sign-in-admin-by-wecom";
import { signInWecomUser } from "@/lib/services/auth/sign-in-wecom-user";
import { cancelAppointment } from "@/lib/services/booking/cancel-appointment";
import { approveAppointments } from "@/lib/services/review/approve-appointments";
import { notifyBooker } from "@/lib/services/review/notify-booker";
import { rejectAppointments } from "@/lib/services/review/reject-appointments";
import { at, makeBooking, makeRoom, makeUser } from "@/lib/services/testing/fixtures";
import { AppError } from "@/lib/errors";
import { reconcileCalendarEntry } from "./calendar";
import { businessTypeOf } from "./operlog";
import { registerRolesAndMenus } from "./register-roles-menus";
import { syncDepartments } from "./sync-departments";
import { setNoticeChannels } from "./overview";
import { resetEnvForTests } from "@/lib/env";

const campusOnly = { "campus.call": campusCallHandler };
const later = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);
const admin = { kind: "admin" as const, id: 1, name: "admin" };
const checker = { adminId: null, name: "admin" };
const superAdmin = { id: 1, username: "admin", privileged: true };

async function campusRows(op?: string) {
  const db = await getDb();
  const rows = await db.select().from(outbox).where(eq(outbox.topic, "campus.call"));
  return op ? rows.filter((r) => (r.payload as { op: string }).op === op) : rows;
}

describe("campus platform integration", () => {
  const db = useTestDb();
  const wecom = useFakeWecom();
  const fake = useFakeCampus();
  const code = async (userid: string) => ((await control(wecom(), "code", { userid })) as { code: string }).code;

  describe("with CAMPUS_API_BASE unset nothing changes", () => {
    it("notices go to WeCom only; audit rows, bookings and sign-ins never reach for the platform", async () => {
      campusOff(true);
      try {
        const room = await makeRoom();
        const user = await makeUser();
        const b = await makeBooking({ roomId: room.id, userId: user.id, start: at(2, 10), minutes: 60 });
        const before = (await campusRows()).length;
        await approveAppointments([b.id], checker);
        await db().db.transaction((tx) => notifyBooker(tx, b.id, user.userid, "测试"));
        await recordAudit(db().db, { action: "room.added", objectKind: "room", objectId: room.id, actor: admin });
        const wecomMsgs = await db().db.select().from(outbox).where(eq(outbox.topic, "wecom.message"));
        expect(wecomMsgs.length).toBeGreaterThanOrEqual(2);
        expect((await campusRows()).length).toBe(before);
        const u = await signInWecomUser(await code("zhangsan"));
        expect(await db().db.select().from(campusProfiles).where(eq(campusProfiles.userId, u.id))).toEqual([]);
        expect(Object.keys(fake().state.counts)).toEqual([]);
        expect(await sendReminders(new Date())).toEqual({ reminded: 0 });
      } finally {
        campusOff(false, fake());
      }
    });
  });

  describe("notices and calendar", () => {
    it("approve → one notice and one calendar entry; delivering again sends nothing more; cancel → entry deleted", async () => {
      const room = await makeRoom({ place: "第一会议室" });
      const user = await makeUser("campus-booker-1");
      await fake().state.users.set("campus-booker-1", { userId: 777, userName: "campus-booker-1", nick: "订房人" });
      const b = await makeBooking({ roomId: room.id, userId: user.id, start: at(3, 14), minutes: 90 });
      await approveAppointments([b.id], checker);
      expect(await campusRows("notice")).toHaveLength(1);
      expect(await campusRows("calendar")).toHaveLength(1);

      await deliverOutbox({ handlers: campusOnly });
      await deliverOutbox({ handlers: campusOnly, now: later(120) });
      const sent = fake().state;
      expect(sent.notices).toHaveLength(1);
      expect(sent.notices[0].body).toMatchObject({ userName: "campus-booker-1", title: "会议室预约结果通知", channelCodes: "MC00003" });
      expect(String(sent.notices[0].body.content)).toContain("第一会议室");
      expect(String(sent.notices[0].body.content)).toContain(`预约号：${b.id}`);
      expect(String(sent.notices[0].body.availableTimeStart)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const entries = [...sent.schedules.values()];
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ userName: "campus-booker-1", remind: true, remindTime: "13:45" });
      expect(entries[0].content).toContain(`【预约#${b.id}】`);
      const [row] = await db().db.select().from(campusCalendarEntries).where(eq(campusCalendarEntries.appointmentId, b.id));
      expect(row.entryId).toBe(entries[0].id);

      // Reconciling again changes nothing.
      expect(await reconcileCalendarEntry(b.id)).toBe("unchanged");

      await cancelAppointment(b.id, user.id);
      await deliverOutbox({ handlers: campusOnly });
      expect(sent.schedules.size).toBe(0);
      expect(sent.deletedSchedules).toEqual([entries[0].id]);
    });

    it("rejection with reason and a lost conflict are sent as notices; a pending booking gets no calendar entry", async () => {
      const room = await makeRoom();
      const u1 = await makeUser();
      const u2 = await makeUser();
      const winner = await makeBooking({ roomId: room.id, userId: u1.id, start: at(4, 9), minutes: 60, submittedAt: new Date(Date.now() - 60_000) });
      const loser = await makeBooking({ roomId: room.id, userId: u2.id, start: at(4, 9, 30), minutes: 60 });
      const third = await makeBooking({ roomId: room.id, userId: u2.id, start: at(4, 15), minutes: 60 });
      await approveAppointments([winner.id], checker);
      await rejectAppointments([third.id], "时间不合适", checker);
      await deliverOutbox({ handlers: campusOnly });
      const contents = fake().state.notices.map((n) => String(n.body.content));
      expect(contents.find((c) => c.includes(`预约号：${loser.id}`))).toContain("已被他人抢先占用");
      expect(contents.find((c) => c.includes(`预约号：${third.id}`))).toContain("时间不合适");
      expect(fake().state.schedules.size).toBe(1);
    });

    it("an entry added before a crash (its id never learnt) is found by the booking number, never added twice", async () => {
      const room = await makeRoom();
      const user = await makeUser();
      const b = await makeBooking({ roomId: room.id, userId: user.id, start: at(5, 10), minutes: 60, status: STATUS.APPROVED });
      // The platform fails while we look for an existing entry: nothing is added blindly.
      await fetch(`${fake().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ paths: ["/msg/rcInfo/list"], times: 1 }) });
      await expect(reconcileCalendarEntry(b.id)).rejects.toThrow();
      expect(fake().state.schedules.size).toBe(0);
      expect(await reconcileCalendarEntry(b.id)).toBe("created");
      // Everything we knew about the entry is lost (a crash after the add): the next attempt finds it by our marker.
      await db().db.delete(campusCalendarEntries).where(eq(campusCalendarEntries.appointmentId, b.id));
      await reconcileCalendarEntry(b.id);
      expect(fake().state.counts["/msg/rcInfo"]).toBe(1);
      const [row] = await db().db.select().from(campusCalendarEntries).where(eq(campusCalendarEntries.appointmentId, b.id));
      expect(row.entryId).toBe([...fake().state.schedules.keys()][0]);
      expect(fake().state.schedules.size).toBe(1);
    });

    it("a platform outage during reviews loses nothing and sends each notice once after recovery", async () => {
      const room = await makeRoom();
      const ids: number[] = [];
      for (let i = 0; i < 4; i++) {
        const u = await makeUser();
        ids.push((await makeBooking({ roomId: room.id, userId: u.id, start: at(6, 8 + 2 * i), minutes: 60 })).id);
      }
      await fetch(`${fake().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ paths: ["*"], mode: "http" }) });
      await approveAppointments(ids, checker);
      const r1 = await deliverOutbox({ handlers: campusOnly });
      expect(r1.delivered).toBe(0);
      expect(r1.retrying).toBeGreaterThanOrEqual(8);
      expect(fake().state.notices).toHaveLength(0);
      await fetch(`${fake().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ off: true }) });
      await Promise.all([deliverOutbox({ handlers: campusOnly, now: later(5) }), deliverOutbox({ handlers: campusOnly, now: later(5) })]);
      await deliverOutbox({ handlers: campusOnly, now: later(60) });
      const noticed = fake().state.notices.map((n) => String(n.body.content));
      for (const id of ids) expect(noticed.filter((c) => c.includes(`预约号：${id}\n`))).toHaveLength(1);
      expect(fake().state.schedules.size).toBe(4);
      expect((await campusRows()).every((r) => r.status === "delivered")).toBe(true);
    });

    it("the reminder 15 minutes before goes out once per booking (and again after a move)", async () => {
      const room = await makeRoom();
      const user = await makeUser();
      const now = new Date();
      const b = await makeBooking({ roomId: room.id, userId: user.id, start: new Date(now.getTime() + 10 * 60_000), minutes: 30, status: STATUS.APPROVED });
      expect((await sendReminders(now)).reminded).toBe(1);
      expect((await sendReminders(now)).reminded).toBe(0);
      expect((await sendReminders(new Date(now.getTime() + 60_000))).reminded).toBe(0);
      const notices = (await campusRows("notice")).filter((r) => (r.payload as { appointmentId: number }).appointmentId === b.id);
      expect(notices).toHaveLength(1);
      expect((notices[0].payload as { notice: { title: string } }).notice.title).toBe("会议即将开始");
      const wecomMsgs = await db().db.select().from(outbox).where(sql`${outbox.topic} = 'wecom.message' and ${outbox.payload}->>'content' like ${`%预约序号：${b.id}\n%`}`);
      expect(wecomMsgs).toHaveLength(1); // both channels by default
      await db().db.execute(sql`update appointments set starts_at = starts_at + interval '2 minutes', ends_at = ends_at + interval '2 minutes' where id = ${b.id}`);
      expect((await sendReminders(now)).reminded).toBe(1);
      expect(await db().db.select().from(bookingReminders).where(eq(bookingReminders.appointmentId, b.id))).toHaveLength(2);
    });
  });

  describe("notice channel setting", () => {
    it("wecom / campus / both decide the fan-out; a booker the platform cannot address still gets WeCom", async () => {
      const room = await makeRoom();
      const user = await makeUser();
      const b = await makeBooking({ roomId: room.id, userId: user.id, start: at(7, 10), minutes: 60 });
      const topicsFor = async (value: "wecom" | "campus" | "both") => {
        await setNoticeChannels(superAdmin, value);
        await db().db.execute(sql`delete from outbox`);
        await db().db.transaction((tx) => notifyBooker(tx, b.id, user.userid, "测试"));
        return (await db().db.select().from(outbox)).map((r) => r.topic).sort();
      };
      expect(await topicsFor("wecom")).toEqual(["wecom.message"]);
      expect(await topicsFor("campus")).toEqual(["campus.call"]);
      expect(await topicsFor("both")).toEqual(["campus.call", "wecom.message"]);
      process.env.CAMPUS_USERNAME_FROM = "mobile";
      resetEnvForTests();
      try {
        expect(await topicsFor("campus")).toEqual(["wecom.message"]); // no phone known: no 工号
      } finally {
        delete process.env.CAMPUS_USERNAME_FROM;
        resetEnvForTests();
        await setNoticeChannels(superAdmin, "both");
      }
      await expect(setNoticeChannels({ ...superAdmin, privileged: false }, "wecom")).rejects.toMatchObject({ code: 1006 });
    });
  });

  describe("operation log", () => {
    it("every audit row reaches operlog once, with businessType from the verb", async () => {
      // Earlier tests' audit rows (settings changes) go out first, so that this test sees only its own.
      await deliverOutbox({ handlers: campusOnly, now: later(600) });
      const start = fake().state.operlogs.length;
      const [{ maxId }] = await db().db.select({ maxId: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog);
      const actions = ["booking.submitted", "booking.approved", "booking.cancelled", "admin.privilege_granted", "rooms.sheet_exported", "rooms.sheet_applied", "auth.admin_sign_in_failed"];
      for (const action of actions) await db().db.transaction((tx) => recordAudit(tx, { action, objectKind: "booking", objectId: 1, actor: admin }));
      // A rolled-back change leaves neither an audit row nor an operlog.
      await db()
        .db.transaction(async (tx) => {
          await recordAudit(tx, { action: "room.removed", objectKind: "room", objectId: 9, actor: admin });
          throw new Error("rollback");
        })
        .catch(() => {});
      await Promise.all([deliverOutbox({ handlers: campusOnly }), deliverOutbox({ handlers: campusOnly })]);
      await deliverOutbox({ handlers: campusOnly, now: later(60) });
      const logs = fake().state.operlogs.slice(start);
      const audited = await db().db.select().from(auditLog).where(sql`${auditLog.id} > ${maxId}`);
      expect(audited.map((a) => a.action).sort()).toEqual([...actions].sort());
      expect(logs).toHaveLength(audited.length);
      expect(new Set(logs.map((l) => JSON.parse(String(l.jsonResult)).auditId))).toEqual(new Set(audited.map((a) => a.id)));
      expect(logs.map((l) => l.method)).toEqual(expect.arrayContaining(actions));
      expect(logs.map((l) => l.method)).not.toContain("room.removed");
      expect(Object.fromEntries(logs.map((l) => [l.method, l.businessType]))).toMatchObject({
        "booking.submitted": 1,
        "booking.approved": 2,
        "booking.cancelled": 3,
        "admin.privilege_granted": 4,
        "rooms.sheet_exported": 5,
        "rooms.sheet_applied": 6,
        "auth.admin_sign_in_failed": 0,
      });
      expect(logs[0]).toMatchObject({ operName: "admin", status: 0 });
      expect(String(logs[0].operTime)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(businessTypeOf("room.photo_added")).toBe(1);
    });
  });

  describe("people, departments and roles", () => {
    it("sign-in enriches the user from the platform and survives the platform being down or slow", async () => {
      const u = await signInWecomUser(await code("2021654321"));
      const [profile] = await db().db.select().from(campusProfiles).where(eq(campusProfiles.userId, u.id));
      expect(profile).toMatchObject({ userName: "2021654321", platformUserId: 103, nick: "王芳", sex: 2, phone: "13900000003" });
      const [row] = await db().db.select().from(users).where(eq(users.id, u.id));
      expect(row.phone).toBe("13800138002"); // ours (from WeCom) was not empty: kept

      await control(wecom(), "users", { userid: "nophone", name: "无手机" });
      fake().state.users.set("nophone", { userId: 900, userName: "nophone", nick: "平台昵称", sex: "女", phone: "13911112222", roles: [{ id: 5, name: "教师", code: "teacher", deptId: 3, deptName: "计算机学院" }] });
      const n = await signInWecomUser(await code("nophone"));
      expect((await db().db.select().from(users).where(eq(users.id, n.id)))[0]).toMatchObject({ phone: "13911112222", gender: 2 });
      expect((await db().db.select().from(campusProfiles).where(eq(campusProfiles.userId, n.id)))[0]).toMatchObject({ roleKeys: ["teacher"], depts: [{ id: 3, name: "计算机学院" }] });

      await fetch(`${fake().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ paths: ["*"], mode: "hang" }) });
      const t0 = Date.now();
      expect(await signInWecomUser(await code("nophone"))).toEqual(n);
      expect(Date.now() - t0).toBeLessThan(4000);
      await fetch(`${fake().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ off: true, paths: [] }) });
      await fetch(`${fake().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ paths: ["*"], mode: "error" }) });
      const fresh = await signInWecomUser(await code("zhangsan"));
      expect(fresh.userid).toBe("zhangsan");
    }, 30_000);

    it("a platform role grants console rights at QR sign-in and a role taken away is taken away within the cache", async () => {
      await control(wecom(), "users", { userid: "chenjiaoshou", name: "陈教授" });
      const token = await signInAdminByWecom(await code("chenjiaoshou"));
      expect(token.privileged).toBe(true);
      const [row] = await db().db.select().from(admins).where(eq(admins.id, token.id));
      expect(row).toMatchObject({ rightsSource: "campus", passwordHash: null });
      expect(await readSessionAdmin(token.id, token.sv)).toMatchObject({ privileged: true });

      // Demoted on the platform to a normal admin, then the role is taken away.
      await fetch(`${fake().url}/__fake/apicenter/roles`, { method: "POST", body: JSON.stringify({ userName: "chenjiaoshou", roles: [{ id: 21, name: "会议室管理员", code: "meeting:admin" }] }) });
      expect(await readSessionAdmin(token.id, token.sv)).toMatchObject({ privileged: true }); // still trusted (cache)
      expect(await readSessionAdmin(token.id, token.sv, new Date(Date.now() + 601_000))).toMatchObject({ privileged: false });
      await fetch(`${fake().url}/__fake/apicenter/roles`, { method: "POST", body: JSON.stringify({ userName: "chenjiaoshou", roles: [] }) });
      expect(await readSessionAdmin(token.id, token.sv, new Date(Date.now() + 1300_000))).toBeNull();
      expect(await db().db.select().from(admins).where(eq(admins.id, token.id))).toEqual([]);
      const refused = await signInAdminByWecom(await code("chenjiaoshou")).catch((e) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused.code).toBe(1010);

      // No role, no rights; the platform down past the cache: refused (fail closed).
      await fetch(`${fake().url}/__fake/apicenter/roles`, { method: "POST", body: JSON.stringify({ userName: "chenjiaoshou", roles: [{ id: 22, name: "超管", code: "meeting:super" }] }) });
      const again = await signInAdminByWecom(await code("chenjiaoshou"));
      await fetch(`${fake().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ paths: ["*"], mode: "http" }) });
      expect(await readSessionAdmin(again.id, again.sv)).not.toBeNull();
      expect(await readSessionAdmin(again.id, again.sv, new Date(Date.now() + 601_000))).toBeNull();
      await fetch(`${fake().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ off: true }) });

      // Local admins never depend on the platform.
      await fetch(`${fake().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ paths: ["*"], mode: "hang" }) });
      const [local] = await db().db.insert(admins).values({ username: "zhangsan", privileged: false }).returning();
      const t = await signInAdminByWecom(await code("zhangsan"));
      expect(t.id).toBe(local.id);
      expect(await readSessionAdmin(local.id, local.sessionVersion, new Date(Date.now() + 10_000_000))).toMatchObject({ id: local.id });
      await fetch(`${fake().url}/__fake/apicenter/fail`, { method: "POST", body: JSON.stringify({ off: true }) });
    }, 30_000);

    it("the department sync reads every page, is idempotent, and marks removed departments without deleting them", async () => {
      const first = await syncDepartments();
      expect(first).toEqual({ total: 5, added: 5, updated: 0, removed: 0 });
      expect(fake().state.counts["/user/getAllDeptByApp"]).toBe(1);
      fake().state.depts = Array.from({ length: 230 }, (_, i) => ({ id: i + 1, pid: i === 0 ? 0 : 1, name: `部门${i + 1}`, code: `D${i}`, type: 0 }));
      fake().state.counts = {};
      const big = await syncDepartments();
      expect(big).toMatchObject({ total: 230, added: 225 });
      expect(fake().state.counts["/user/getAllDeptByApp"]).toBe(3);
      expect(await syncDepartments()).toEqual({ total: 230, added: 0, updated: 0, removed: 0 });

      const rows = await db().db.select().from(departments).where(sql`${departments.campusId} is not null`);
      const d2 = rows.find((r) => r.campusId === 2)!;
      const d1 = rows.find((r) => r.campusId === 1)!;
      expect(d2.parentId).toBe(d1.id);
      const u = await makeUser();
      await db().db.update(users).set({ departmentId: d2.id }).where(eq(users.id, u.id));
      fake().state.depts = fake().state.depts.filter((d) => d.id !== 2);
      expect(await syncDepartments()).toEqual({ total: 229, added: 0, updated: 0, removed: 1 });
      const [kept] = await db().db.select().from(departments).where(eq(departments.id, d2.id));
      expect(kept.removedAt).not.toBeNull();
      expect((await db().db.select().from(users).where(eq(users.id, u.id)))[0].departmentId).toBe(d2.id);
    });

    it("registering roles and menus twice creates nothing twice", async () => {
      const first = await registerRolesAndMenus(superAdmin);
      expect(first.rolesAdded).toEqual(["meeting:super", "meeting:admin"]);
      expect(first.menusAdded).toBe(8);
      const second = await registerRolesAndMenus(superAdmin);
      expect(second).toMatchObject({ rolesAdded: [], menusAdded: 0, menusUpdated: 0, menusPresent: 7 });
      const st = fake().state;
      expect(st.appRoles.filter((r) => r.code.startsWith("meeting:"))).toHaveLength(2);
      expect(st.menus).toHaveLength(8);
      expect(new Set(st.menus.map((m) => m.perms)).size).toBe(8);
      const children = st.menus.filter((m) => m.parentId === st.menus.find((x) => x.perms === "meeting")!.menuId);
      expect(children).toHaveLength(7);
      await expect(registerRolesAndMenus({ ...superAdmin, privileged: false })).rejects.toMatchObject({ code: 1006 });
    });
  });
});
