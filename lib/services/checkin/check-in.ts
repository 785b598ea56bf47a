import "server-only";
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/lib/db";
import { appointments, attendees, rooms, STATUS, users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { getRoomSettings } from "@/lib/services/rooms/room-settings";
import { startOfNextLocalDay } from "@/lib/time";
import { checkInWindow } from "./check-in-window";

export interface CheckInBooking {
  id: number;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
  opensAt: Date;
  closesAt: Date;
  checkedInAt: Date | null;
  checkedInByName: string | null;
  /** The caller booked it (else: an attendee). */
  isBooker: boolean;
}

export interface CheckInView {
  roomId: number;
  place: string;
  building: string;
  floor: string;
  checkInRequired: boolean;
  beforeMinutes: number;
  afterMinutes: number;
  /** The caller's booking whose window is open now, if any. */
  current: CheckInBooking | null;
  /** Otherwise the caller's next approved booking of this room today. */
  next: CheckInBooking | null;
}

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

async function roomByToken(db: Db | Tx, token: string) {
  if (!TOKEN.test(token)) throw notFound("token", "签到码");
  const [room] = await db.select().from(rooms).where(eq(rooms.checkInToken, token));
  if (!room || room.removedAt) throw notFound("token", "签到码");
  return room;
}

/** The caller's approved bookings of the room (as booker or attendee) from `from` to the end of that day. */
async function callersBookings(db: Db | Tx, roomId: number, userId: number, from: Date, to: Date) {
  const invited = db.select({ id: attendees.appointmentId }).from(attendees).where(eq(attendees.userId, userId));
  return db
    .select({
      id: appointments.id,
      userId: appointments.userId,
      purpose: appointments.purpose,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      checkedInAt: appointments.checkedInAt,
      checkedInByName: users.name,
    })
    .from(appointments)
    .leftJoin(users, eq(users.id, appointments.checkedInBy))
    .where(
      and(
        eq(appointments.roomId, roomId),
        eq(appointments.status, STATUS.APPROVED),
        gte(appointments.startsAt, from),
        lte(appointments.startsAt, to),
        or(eq(appointments.userId, userId), inArray(appointments.id, invited)),
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

/** What the check-in page shows a signed-in user who scanned the room's code. Unknown or revoked token: 4040. */
export async function getCheckInView(token: string, userId: number, now = new Date()): Promise<CheckInView> {
  const db = await getDb();
  const room = await roomByToken(db, token);
  const cfg = await getRoomSettings(db);
  // From the earliest start whose window is still open to the end of today.
  const from = new Date(now.getTime() - cfg.checkInAfterMinutes * 60_000);
  const rows = await callersBookings(db, room.id, userId, from, startOfNextLocalDay(now));
  const withWindow = rows.map((r) => ({
    id: r.id,
    purpose: r.purpose,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    ...checkInWindow(r.startsAt, cfg),
    checkedInAt: r.checkedInAt,
    checkedInByName: r.checkedInAt ? r.checkedInByName : null,
    isBooker: r.userId === userId,
  }));
  const open = withWindow.filter((b) => b.opensAt <= now && now <= b.closesAt);
  // Back-to-back bookings: the one not yet checked in first, then the earlier.
  const current = open.find((b) => !b.checkedInAt) ?? open[0] ?? null;
  const next = current ? null : (withWindow.find((b) => b.opensAt > now) ?? null);
  return {
    roomId: room.id,
    place: room.place,
    building: room.building,
    floor: room.floor,
    checkInRequired: room.checkInRequired,
    beforeMinutes: cfg.checkInBeforeMinutes,
    afterMinutes: cfg.checkInAfterMinutes,
    current,
    next,
  };
}

export interface CheckInResult {
  appointmentId: number;
  checkedInAt: Date;
  /** Someone (the caller or another attendee) had already checked in: nothing changed. */
  already: boolean;
}

/**
 * Checks the caller in to their booking of the room whose window is open now (the booker or an attendee may).
 * Unknown token: 4040. No such booking: 2009 with the window in the message. A second check-in changes nothing.
 */
export async function checkIn(token: string, user: { id: number; userid: string }, now = new Date()): Promise<CheckInResult> {
  const view = await getCheckInView(token, user.id, now);
  const target = view.current;
  if (!target) {
    throw new AppError(
      2009,
      view.next
        ? `签到尚未开始：请在会议开始前 ${view.beforeMinutes} 分钟至开始后 ${view.afterMinutes} 分钟内签到`
        : `您在${view.place}当前没有可签到的预约（签到时间为会议开始前 ${view.beforeMinutes} 分钟至开始后 ${view.afterMinutes} 分钟）`,
    );
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const at = now;
    // Conditional update: the no-show release or a cancellation may have won meanwhile.
    const [row] = await tx
      .update(appointments)
      .set({ checkedInAt: at, checkedInBy: user.id, updatedAt: sql`now()` })
      .where(and(eq(appointments.id, target.id), eq(appointments.status, STATUS.APPROVED), isNull(appointments.checkedInAt)))
      .returning({ id: appointments.id });
    // An attendee's own sign-in is recorded too (Open API attendances: sign type 2 = QR scan).
    const signed = await tx
      .update(attendees)
      .set({ isSigned: true, signType: 2, signTime: at })
      .where(and(eq(attendees.appointmentId, target.id), eq(attendees.userId, user.id), eq(attendees.isSigned, false)))
      .returning({ id: attendees.id });
    if (!row) {
      const [current] = await tx
        .select({ status: appointments.status, checkedInAt: appointments.checkedInAt })
        .from(appointments)
        .where(eq(appointments.id, target.id));
      if (current?.status !== STATUS.APPROVED || !current.checkedInAt) throw new AppError(2009, "该预约已不能签到（可能已被取消或释放）");
      if (signed.length) await emitOpenEvent(tx, "book_update", [target.id]);
      return { appointmentId: target.id, checkedInAt: current.checkedInAt, already: true };
    }
    await recordAudit(tx, {
      action: "booking.checked_in",
      objectKind: "booking",
      objectId: target.id,
      before: { checkedInAt: null },
      after: { checkedInAt: at.toISOString(), by: user.userid, asBooker: target.isBooker },
      actor: { kind: "user", id: user.id, name: user.userid },
    });
    await emitOpenEvent(tx, "book_update", [target.id]);
    return { appointmentId: target.id, checkedInAt: at, already: false };
  });
}
