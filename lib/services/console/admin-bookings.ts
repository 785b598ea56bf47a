import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb, type Tx } from "@/lib/db";
import { appointments, rooms, STATUS, users } from "@/lib/db/schema";
import { AppError, badInput, E } from "@/lib/errors";
import { adminActor } from "@/lib/request-context";
import { assertBookable } from "@/lib/services/booking/assert-bookable";
import { submitAppointment } from "@/lib/services/booking/submit-appointment";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { notifyBooker } from "@/lib/services/review/notify-booker";
import { formatDateTime } from "@/lib/time";
import { requireAdmin } from "@/lib/services/authz";


const describe = (b: { roomId: number; startsAt: Date; endsAt: Date; status: number }) => ({
  roomId: b.roomId,
  startsAt: b.startsAt.toISOString(),
  endsAt: b.endsAt.toISOString(),
  status: b.status,
});

/** `逸夫楼301 2026-12-08 14:00–15:30` */
export function placeAndTime(place: string, start: Date, end: Date): string {
  return `${place} ${formatDateTime(start)}–${formatDateTime(end).slice(11)}`;
}

/**
 * An admin cancels pending or approved bookings that have not ended, with one reason: each booker is told once
 * (WeCom), Open API subscribers get `book_cancel`, and each cancellation is in the audit trail. Bookings no longer
 * pending/approved are skipped (so repeating the call notifies nobody twice). Returns the ids cancelled.
 */
export async function cancelBookingsAsAdmin(
  tx: Tx,
  admin: SessionAdmin,
  ids: number[],
  reason: string,
  now: Date,
  audit: { action?: string; extra?: Record<string, unknown> } = {},
): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .update(appointments)
    .set({ status: STATUS.CANCELLED, checkInfo: `${admin.username}：管理员取消（${reason}）`, updatedAt: sql`now()` })
    .where(and(inArray(appointments.id, ids), inArray(appointments.status, [STATUS.PENDING, STATUS.APPROVED]), gt(appointments.endsAt, now)))
    .returning({ id: appointments.id, userId: appointments.userId, roomId: appointments.roomId, startsAt: appointments.startsAt, endsAt: appointments.endsAt });
  if (rows.length === 0) return [];
  const people = await tx.select({ id: users.id, userid: users.userid }).from(users).where(inArray(users.id, [...new Set(rows.map((r) => r.userId))]));
  const roomRows = await tx.select({ id: rooms.id, place: rooms.place }).from(rooms).where(inArray(rooms.id, [...new Set(rows.map((r) => r.roomId))]));
  const touser = new Map(people.map((p) => [p.id, p.userid]));
  const place = new Map(roomRows.map((r) => [r.id, r.place]));
  for (const r of rows) {
    const text = `已被管理员取消\n预约：${placeAndTime(place.get(r.roomId) ?? "", r.startsAt, r.endsAt)}\n原因：${reason}`;
    await notifyBooker(tx, r.id, touser.get(r.userId) ?? "", text, now);
    await recordAudit(tx, {
      action: audit.action ?? "booking.cancelled_by_admin",
      objectKind: "booking",
      objectId: r.id,
      before: describe({ roomId: r.roomId, startsAt: r.startsAt, endsAt: r.endsAt, status: -1 }),
      after: { status: STATUS.CANCELLED, reason, ...audit.extra },
      actor: adminActor(admin),
    });
  }
  await emitOpenEvent(tx, "book_cancel", rows.map((r) => r.id));
  return rows.map((r) => r.id);
}

/** The console's cancel button: one pending or approved booking that has not ended (else 2009). */
export async function cancelBookingAsAdmin(admin: SessionAdmin, id: number, reason: string, now = new Date()) {
  requireAdmin(admin);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [b] = await tx.select().from(appointments).where(eq(appointments.id, id)).for("update");
    if (!b) throw new AppError(E.BAD_BOOKING_ID);
    const done = await cancelBookingsAsAdmin(tx, admin, [id], reason, now, { extra: { was: describe(b) } });
    if (done.length === 0) throw new AppError(E.MEETING_STATE, "只能取消审核中或已通过、尚未结束的预约");
    return { id };
  });
}

export interface MoveInput {
  id: number;
  roomId: number;
  /** epoch ms */
  start: number;
  /** minutes */
  duration: number;
}

/**
 * The console's move: a pending or approved booking that has not started goes to another room and/or time. The new
 * place and time pass THE bookable rule (open hours, closures, capacity, conflicts with other approved bookings; the
 * booking itself excluded); an approved booking stays approved (the exclusion constraint backs the check). The
 * booker is told the old and new place and time, subscribers get `book_update`, the audit trail has both.
 */
export async function moveBookingAsAdmin(admin: SessionAdmin, input: MoveInput, now = new Date()) {
  requireAdmin(admin);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [b] = await tx.select().from(appointments).where(eq(appointments.id, input.id)).for("update");
    if (!b) throw new AppError(E.BAD_BOOKING_ID);
    if ((b.status !== STATUS.PENDING && b.status !== STATUS.APPROVED) || b.startsAt.getTime() <= now.getTime()) {
      throw new AppError(E.MEETING_STATE, "只能调整审核中或已通过、尚未开始的预约");
    }
    const start = new Date(input.start);
    const end = new Date(input.start + input.duration * 60_000);
    if (start.getTime() === b.startsAt.getTime() && end.getTime() === b.endsAt.getTime() && input.roomId === b.roomId) {
      throw badInput("start", "新的地点和时间与原来相同");
    }
    // The booker's own permission to the new room is checked as if they booked it.
    const room = await assertBookable(tx, { userId: b.userId, roomId: input.roomId, start, duration: input.duration, size: b.participants, excludeId: b.id }, now);
    const [oldRoom] = await tx.select({ place: rooms.place }).from(rooms).where(eq(rooms.id, b.roomId));
    await tx.update(appointments).set({ roomId: room.id, startsAt: start, endsAt: end, updatedAt: sql`now()` }).where(eq(appointments.id, b.id));
    const [booker] = await tx.select({ userid: users.userid }).from(users).where(eq(users.id, b.userId));
    const from = placeAndTime(oldRoom?.place ?? "", b.startsAt, b.endsAt);
    const to = placeAndTime(room.place, start, end);
    await notifyBooker(tx, b.id, booker?.userid ?? "", `已被管理员调整\n原：${from}\n现：${to}`, now);
    await emitOpenEvent(tx, "book_update", [b.id]);
    await recordAudit(tx, {
      action: "booking.moved",
      objectKind: "booking",
      objectId: b.id,
      before: describe(b),
      after: describe({ ...b, roomId: room.id, startsAt: start, endsAt: end }),
      actor: adminActor(admin),
    });
    return { id: b.id, from, to };
  });
}

export interface AdminBookingInput {
  /** users.id of the person booked for. */
  userId: number;
  roomId: number;
  start: number;
  duration: number;
  size: number;
  purpose: string;
  phone?: string;
}

/**
 * The console's drag-to-book: an admin books an empty stretch on behalf of a person. Same submission rule and
 * transaction as the pages; approved at once by the admin (it is their decision), with the usual notification.
 */
export async function bookOnBehalf(admin: SessionAdmin, input: AdminBookingInput, now = new Date()) {
  requireAdmin(admin);
  const db = await getDb();
  const [person] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!person || person.removedAt) throw badInput("userId", "请选择预约人");
  // Approved at once by the admin inside the submitting transaction (the submission's approveAs).
  const { id, status } = await submitAppointment(
    {
      userId: person.id,
      roomId: input.roomId,
      datetime: input.start,
      duration: input.duration,
      size: input.size,
      phone: input.phone || person.phone || "",
      purpose: input.purpose,
      note: `管理员 ${admin.username} 代为预约`,
    },
    now,
    { approveAs: { adminId: admin.id, name: admin.username } },
  );
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      action: "booking.booked_by_admin",
      objectKind: "booking",
      objectId: id,
      after: { userId: person.id, roomId: input.roomId, startsAt: new Date(input.start).toISOString(), duration: input.duration },
      actor: adminActor(admin),
    });
  });
  return { id, outcome: status === STATUS.APPROVED ? ("approved" as const) : status === STATUS.REJECTED ? ("taken" as const) : ("not-pending" as const) };
}
