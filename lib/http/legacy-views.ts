import type { AppointmentRecord } from "@/lib/services/booking/appointment-record";
import type { Settings } from "@/lib/services/settings/get-settings";
import type { RoomSummary } from "@/lib/services/rooms/list-open-rooms";
import type { OccupiedPeriod } from "@/lib/services/rooms/get-room-periods";
import { formatDateTime } from "@/lib/time";

// The legacy JSON shapes (legacy-behaviour §2.1) built from service results: field names, integer flags and
// `yyyy-MM-dd HH:mm` dates in the campus zone. Only the legacy adapter uses them; the Open API has its own.

/** appointment_status.status_info. */
export const STATUS_INFO: Record<number, string> = { 0: "预约过期", 1: "预约被取消", 2: "审核中", 3: "审核通过", 4: "审核退回" };

const minutesOf = (r: { startsAt: Date; endsAt: Date }) => Math.round((r.endsAt.getTime() - r.startsAt.getTime()) / 60_000);

export function legacyRoom(r: RoomSummary) {
  return { roomId: r.id, place: r.place, size: r.size, available: r.available ? 1 : 0 };
}

/**
 * RoomPeriods. The legacy answered `roomId` = the room only for `type=all` with at least one period, else 0;
 * the quirk is kept because it is part of the published contract (A2).
 */
export function legacyRoomPeriods(type: "that" | "all", roomId: number, periods: OccupiedPeriod[]) {
  return {
    roomId: type === "all" && periods.length > 0 ? roomId : 0,
    periods: periods.map((p) => ({ startTime: formatDateTime(p.startsAt), duration: p.duration })),
  };
}

export function legacyAppointmentView(r: AppointmentRecord) {
  return {
    appointId: r.id,
    userid: r.userid,
    place: r.place,
    purpose: r.purpose,
    participants: r.participants,
    name: r.name,
    phone: r.phone,
    note: r.note,
    startTime: formatDateTime(r.startsAt),
    duration: minutesOf(r),
    statusCode: r.status,
    statusInfo: STATUS_INFO[r.status] ?? "",
    checkInfo: r.checkInfo ?? "",
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
    phone: r.phone,
    startTime: formatDateTime(r.startsAt),
    duration: minutesOf(r),
    note: r.note,
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
