import "server-only";
import type { AppointmentRecord } from "@/lib/services/booking/appointment-record";
import type { Settings } from "@/lib/services/settings/get-settings";
import type { RoomSummary } from "@/lib/services/rooms/list-open-rooms";
import type { OccupiedPeriod } from "@/lib/services/rooms/get-room-periods";
import type { Profile } from "@/lib/services/profile/to-profile";
import type { UserInfoItem } from "@/lib/services/profile/list-profiles";
import { defaultAvatarUrl } from "@/lib/services/profile/avatar-url";
import { formatDateTime } from "@/lib/time";

// The legacy JSON shapes (legacy-behaviour §2.1) built from service results: field names, integer flags and
// `yyyy-MM-dd HH:mm` dates in the campus zone. Only the legacy adapter uses them; the Open API has its own.
//
// This is the one place that decides how unset values look to legacy clients: a string field is never null (an
// unset email, phone, note, checkInfo… is ""), and `avatar` is never "" (the default avatar's URL instead). The
// legacy front end renders these values directly (`null` as text, an empty <img src>), so routes never return
// service rows as they are.

/** A legacy string field: unset is "". */
export const str = (v: string | null | undefined): string => v ?? "";

/** A legacy avatar: never empty (WeCom often sends none), our default avatar instead. */
export const avatarOrDefault = (v: string | null | undefined): string => (v && v.trim() ? v : defaultAvatarUrl());

/** Profile (GET/POST /profile). */
export function legacyProfileView(p: Profile) {
  return {
    id: p.id,
    role: p.role,
    userid: p.userid,
    avatar: avatarOrDefault(p.avatar),
    name: str(p.name),
    age: p.age,
    gender: p.gender,
    phone: str(p.phone),
    email: str(p.email),
  };
}

/** UserInfo row of /profile/all (a Profile with its creation time, inside the errcode envelope). */
export function legacyUserInfoView(u: UserInfoItem) {
  return { errcode: 0, errmsg: "ok", ...legacyProfileView(u), createTime: u.createTime };
}

/** appointment_status.status_info. */
export const STATUS_INFO: Record<number, string> = { 0: "预约过期", 1: "预约被取消", 2: "审核中", 3: "审核通过", 4: "审核退回" };

const minutesOf = (r: { startsAt: Date; endsAt: Date }) => Math.round((r.endsAt.getTime() - r.startsAt.getTime()) / 60_000);

export function legacyRoom(r: RoomSummary) {
  return { roomId: r.id, place: r.place, size: r.size, available: r.available ? 1 : 0 };
}

/**
 * RoomPeriods: the room asked about, always (the legacy answered 0 unless `type=all` found a period; issue 11 §1.6
 * fixes that quirk).
 */
export function legacyRoomPeriods(roomId: number, periods: OccupiedPeriod[]) {
  return {
    roomId,
    periods: periods.map((p) => ({ startTime: formatDateTime(p.startsAt), duration: p.duration })),
  };
}

export function legacyAppointmentView(r: AppointmentRecord) {
  return {
    appointId: r.id,
    userid: r.userid,
    place: str(r.place),
    purpose: str(r.purpose),
    participants: r.participants,
    name: str(r.name),
    phone: str(r.phone),
    note: str(r.note),
    startTime: formatDateTime(r.startsAt),
    duration: minutesOf(r),
    statusCode: r.status,
    statusInfo: STATUS_INFO[r.status] ?? "",
    checkInfo: str(r.checkInfo),
    handTime: formatDateTime(r.submittedAt),
  };
}

export function legacyCheckView(r: AppointmentRecord) {
  return {
    appointId: r.id,
    userid: r.userid,
    name: r.name,
    roomId: r.roomId,
    place: r.place,
    size: r.roomSize,
    purpose: r.purpose,
    participants: r.participants,
    phone: str(r.phone),
    startTime: formatDateTime(r.startsAt),
    duration: minutesOf(r),
    note: str(r.note),
    handTime: formatDateTime(r.submittedAt),
  };
}

/** /server/properties: open hours split into hours and minutes (24:00 is ch 24, cm 0). */
export function legacyProperties(s: Settings) {
  return {
    sh: Math.floor(s.openMinute / 60),
    sm: s.openMinute % 60,
    ch: Math.floor(s.closeMinute / 60),
    cm: s.closeMinute % 60,
    check: s.autoReview,
    checkInterval: s.autoReviewInterval,
    clean: s.autoClean,
    cleanInterval: s.autoCleanInterval,
  };
}
