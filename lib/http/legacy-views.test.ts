// Issue 11 §1.1 and §1.10: legacy JSON strings are never null, avatars never empty — decided in the views only.
import { describe, expect, it } from "vitest";
import { legacyAppointmentView, legacyCheckView, legacyProfileView, legacyRoomPeriods, legacyUserInfoView } from "./legacy-views";

const APP_URL = process.env.APP_URL ?? "http://localhost:3000";
const profile = { id: 1, role: 2, userid: "zhang", avatar: "", name: "张老师", age: 0, gender: 0, phone: null, email: null };
const record = {
  id: 9,
  userId: 1,
  userid: "zhang",
  name: "张老师",
  roomId: 3,
  place: "逸夫楼101",
  roomSize: 20,
  purpose: "组会",
  participants: 4,
  phone: "010-62781234",
  note: null,
  startsAt: new Date("2030-01-01T01:00:00Z"),
  endsAt: new Date("2030-01-01T02:00:00Z"),
  status: 2,
  checkInfo: null,
  submittedAt: new Date("2029-12-31T01:00:00Z"),
};

const nulls = (o: object) => Object.entries(o).filter(([, v]) => v === null).map(([k]) => k);

describe("legacy views", () => {
  it("Profile: unset phone/email are \"\", an empty avatar is the default avatar we serve", () => {
    const v = legacyProfileView(profile);
    expect(nulls(v)).toEqual([]);
    expect(v).toMatchObject({ phone: "", email: "", avatar: `${APP_URL}/meeting/default-avatar.png` });
    expect(legacyProfileView({ ...profile, avatar: "https://wework.qpic.cn/x/0" }).avatar).toBe("https://wework.qpic.cn/x/0");
  });
  it("UserInfo rows (/profile/all) carry the envelope and no nulls", () => {
    const v = legacyUserInfoView({ ...profile, createTime: "2026-01-01 08:00" });
    expect(nulls(v)).toEqual([]);
    expect(v).toMatchObject({ errcode: 0, errmsg: "ok", avatar: expect.stringMatching(/default-avatar\.png$/), createTime: "2026-01-01 08:00" });
  });
  it("AppointmentView and CheckView: note and checkInfo are \"\" when unset", () => {
    const a = legacyAppointmentView(record);
    expect(nulls(a)).toEqual([]);
    expect(a).toMatchObject({ note: "", checkInfo: "" });
    const c = legacyCheckView(record);
    expect(nulls(c)).toEqual([]);
    expect(c.note).toBe("");
  });
  it("RoomPeriods answers the room asked about, also without approvals", () => {
    expect(legacyRoomPeriods(7, [])).toEqual({ roomId: 7, periods: [] });
  });
});
