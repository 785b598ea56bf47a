import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, attendees, rooms, STATUS } from "@/lib/db/schema";
import { AppError, badInput, notFound } from "@/lib/errors";
import { assertBookable } from "@/lib/services/booking/assert-bookable";
import { CHECK_INFO } from "@/lib/services/booking/check-info";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { bookingSummary } from "@/lib/services/audit/summaries";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { loadOpenMeetings } from "@/lib/services/openapi/load-open-meetings";
import { approveAppointments } from "@/lib/services/review/approve-appointments";
import { rejectAppointments } from "@/lib/services/review/reject-appointments";
import { openApiChecker } from "./open-api-checker";
import { resolveAttendees, type AttendanceInput } from "./resolve-attendees";

export interface UpdateMeetingInput {
  id: number;
  roomId?: number;
  speaker?: string;
  subject?: string;
  beginTime?: number;
  endTime?: number;
  address?: string;
  memo?: string;
  /** `id` = an existing attendance of this meeting, to be kept for that user. */
  attendances?: (AttendanceInput & { id?: number })[];
  checkedState?: number;
}

/**
 * Open API meeting/update of a pending or approved meeting that has not started (else 2009). A new room or time is
 * checked by the submission rule (the meeting itself does not conflict) and sends the meeting back to review;
 * a room without review (or checkedState 1) approves it again through the approval service. checkedState 1/2 on a
 * pending meeting approves/rejects it like a reviewer would.
 */
export async function updateMeeting(input: UpdateMeetingInput, appkey: string, now = new Date()) {
  const db = await getDb();
  const moved = await db.transaction(async (tx) => {
    const [m] = await tx.select().from(appointments).where(eq(appointments.id, input.id)).for("update");
    if (!m) throw notFound("id", "会议");
    if ((m.status !== STATUS.PENDING && m.status !== STATUS.APPROVED) || m.startsAt.getTime() <= now.getTime()) {
      throw new AppError(2009);
    }
    const begin = input.beginTime ?? m.startsAt.getTime();
    const end = input.endTime ?? m.endsAt.getTime();
    const roomId = input.roomId ?? m.roomId;
    if (end <= begin) throw badInput("endTime", "必须晚于开始时间");
    if ((end - begin) % 60_000 !== 0) throw badInput("endTime", "会议时长须为整分钟");
    if (input.roomId !== undefined) {
      const [room] = await tx.select({ id: rooms.id, removedAt: rooms.removedAt }).from(rooms).where(eq(rooms.id, input.roomId));
      if (!room || room.removedAt) throw notFound("roomId", "会议室");
    }
    if (input.attendances?.some((a) => a.id !== undefined)) {
      // An attendance named by id must be one of this meeting's, of the same user: never another meeting's record.
      const current = await tx.select({ id: attendees.id, userId: attendees.userId }).from(attendees).where(eq(attendees.appointmentId, m.id));
      const byId = new Map(current.map((a) => [a.id, a]));
      for (const a of input.attendances) {
        if (a.id === undefined) continue;
        const row = byId.get(a.id);
        if (!row || (row.userId !== null && String(row.userId) !== a.userId)) throw notFound("attendanceId", `参会记录${a.id}`);
      }
    }
    const people = input.attendances ? await resolveAttendees(tx, input.attendances) : undefined;
    const participants = people ? Math.max(1, people.length) : m.participants;
    const isMove = begin !== m.startsAt.getTime() || end !== m.endsAt.getTime() || roomId !== m.roomId;
    if (isMove || people) {
      await assertBookable(
        tx,
        { userId: m.userId, roomId, start: new Date(begin), duration: (end - begin) / 60_000, size: participants, excludeId: m.id },
        now,
      );
    }
    await tx
      .update(appointments)
      .set({
        roomId,
        startsAt: new Date(begin),
        endsAt: new Date(end),
        participants,
        ...(input.speaker !== undefined ? { speaker: input.speaker } : {}),
        ...(input.subject !== undefined ? { purpose: input.subject } : {}),
        ...(input.address !== undefined ? { address: input.address || null } : {}),
        ...(input.memo !== undefined ? { note: input.memo } : {}),
        ...(isMove ? { status: STATUS.PENDING, checkInfo: CHECK_INFO.submitted, reviewedAt: null, reviewedBy: null, reviewedByAdminId: null } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(appointments.id, m.id));
    if (people) {
      // Sign-in records of people who stay invited are kept.
      const current = await tx.select().from(attendees).where(eq(attendees.appointmentId, m.id));
      const keep = new Set(people.map((p) => p.userId));
      for (const a of current) if (a.userId === null || !keep.has(a.userId)) await tx.delete(attendees).where(eq(attendees.id, a.id));
      const existing = new Set(current.map((a) => a.userId));
      const added = people.filter((p) => !existing.has(p.userId));
      if (added.length) await tx.insert(attendees).values(added.map((p) => ({ ...p, appointmentId: m.id })));
    }
    await emitOpenEvent(tx, "book_update", [m.id]);
    await recordAudit(tx, {
      action: isMove ? "booking.moved" : "booking.updated",
      objectKind: "booking",
      objectId: m.id,
      before: { ...bookingSummary(m), speaker: m.speaker, address: m.address },
      after: {
        ...bookingSummary({
          roomId,
          startsAt: new Date(begin),
          endsAt: new Date(end),
          status: isMove ? STATUS.PENDING : m.status,
          participants,
          purpose: input.subject ?? m.purpose,
        }),
        speaker: input.speaker ?? m.speaker,
        address: input.address !== undefined ? input.address || null : m.address,
        ...(people ? { attendees: people.length } : {}),
      },
    });
    const [room] = await tx.select({ needAudit: rooms.needAudit }).from(rooms).where(eq(rooms.id, roomId));
    return { isMove, needAudit: room.needAudit, wasPending: m.status === STATUS.PENDING || isMove };
  });

  const checker = openApiChecker(appkey);
  if (moved.wasPending && (input.checkedState === 1 || (moved.isMove && !moved.needAudit))) {
    await approveAppointments([input.id], checker, { now });
  } else if (moved.wasPending && input.checkedState === 2) {
    await rejectAppointments([input.id], "开放接口驳回", checker, { now });
  }
  return (await loadOpenMeetings(db, [input.id]))[0];
}
