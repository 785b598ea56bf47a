import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db";
import { appointments, roomAllowedUsers, rooms, settings } from "@/lib/db/schema";
import { AppError, badInput, ClosedError, E } from "@/lib/errors";
import { findClosure } from "@/lib/services/closures/closure-periods";
import { isWithinOpenHours } from "./is-within-open-hours";
import { overlaps } from "./overlaps";
import { roomOpenHours } from "./room-open-hours";
import { activeRoom } from "@/lib/services/rooms/active-room";

export interface BookingRequest {
  userId: number;
  roomId: number;
  start: Date;
  /** Minutes, 1..1440. */
  duration: number;
  /** Participants. */
  size: number;
  /** When moving an existing booking: itself does not conflict. */
  excludeId?: number;
}

/**
 * THE submission rule, for new bookings (pages, legacy API, Open API) and for moved ones (Open API meeting/update):
 * a future start, 1..1440 minutes, an existing open room, participants within its capacity, the booker allowed to
 * book it (permission 1: listed users only, 2008), inside the room's bookable hours and not in a closure of the room,
 * its building or every room (3003; ClosedError names the reason), and no overlap with an
 * approved booking (2003). Returns the room.
 */
export async function assertBookable(tx: Tx, r: BookingRequest, now: Date) {
  return (await checkBookable(tx, r, now)).room;
}

/**
 * assertBookable, also answering the campus settings the rule read (open hours, auto-review) in the same statement
 * as the room: the submission decides on auto-review from them without reading the settings again.
 */
export async function checkBookable(tx: Tx, r: BookingRequest, now: Date) {
  if (!Number.isInteger(r.duration) || r.duration < 1 || r.duration > 1440) throw badInput("duration", "超出范围");
  if (!Number.isInteger(r.size) || r.size < 1) throw badInput("size", "必须是正整数");
  if (!Number.isFinite(r.start.getTime())) throw badInput("datetime", "不是有效时间");
  const end = new Date(r.start.getTime() + r.duration * 60_000);
  const clash = overlaps(r.roomId, r.start, end);
  const [found] = await tx
    .select({
      room: rooms,
      campus: { openMinute: settings.openMinute, closeMinute: settings.closeMinute, autoReview: settings.autoReview },
      // The conflict rule, answered by the same statement (reported only after the checks that come before it).
      taken: sql<boolean>`exists (select 1 from ${appointments} where ${r.excludeId === undefined ? clash : and(clash, ne(appointments.id, r.excludeId))})`,
    })
    .from(rooms)
    .innerJoin(settings, eq(settings.id, 1))
    .where(and(eq(rooms.id, r.roomId), activeRoom()));
  const room = found?.room;
  if (!room) throw badInput("roomId", "会议室不存在");
  if (!room.available) throw badInput("roomId", "会议室未开放");
  if (r.start.getTime() <= now.getTime()) throw badInput("datetime", "开始时间必须晚于当前时间");
  if (r.size > room.size) throw badInput("size", `参与人数超过会议室容量(${room.size}人)`);
  if (room.permission === 1) {
    const [allowed] = await tx
      .select({ userId: roomAllowedUsers.userId })
      .from(roomAllowedUsers)
      .where(and(eq(roomAllowedUsers.roomId, room.id), eq(roomAllowedUsers.userId, r.userId)));
    if (!allowed) throw new AppError(E.ROOM_NOT_ALLOWED);
  }
  const campus = found.campus;
  if (!isWithinOpenHours(r.start, r.duration, roomOpenHours(room, campus))) throw new AppError(E.OUTSIDE_OPEN_HOURS);
  const closed = await findClosure(tx, room, r.start, end);
  if (closed) throw new ClosedError(closed.reason);
  if (found.taken) throw new AppError(E.SLOT_TAKEN);
  return { room, campus };
}
