import { getDb } from "@/lib/db";
import { appointments, attendees, STATUS } from "@/lib/db/schema";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { bookingSummary } from "@/lib/services/audit/summaries";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { approveAppointments, type Checker } from "@/lib/services/review/approve-appointments";
import { assertBookable } from "./assert-bookable";
import { CHECK_INFO } from "./check-info";

export interface NewAppointment {
  /** users.id of the booker. */
  userId: number;
  roomId: number;
  /** Start, epoch ms. */
  datetime: number;
  /** Minutes, 1..1440. */
  duration: number;
  /** Participants. */
  size: number;
  phone: string;
  purpose: string;
  note?: string | null;
  /** Open API extras: host name, address, invited people. */
  speaker?: string | null;
  address?: string | null;
  attendees?: NewAttendee[];
}

export interface NewAttendee {
  userId: number | null;
  name: string;
  phone: string;
  email: string;
  faceUrl: string;
}

/** Who approves a booking of a room that needs no review. */
const NO_REVIEW: Checker = { adminId: null, name: "自动审核" };

/**
 * Records a booking request, pending review, with its attendees, and the `book_success` event for Open API
 * subscribers, in one transaction. Refused with nothing written by the submission rule (assertBookable). Overlaps
 * with other pending requests are allowed: review settles them. A room that needs no review (needAudit off), or a
 * caller allowed to approve (`approveAs`: the Open API's checkedState 1), has it approved at once by the approval
 * service — first come, first served against any racing approval.
 */
export async function submitAppointment(
  input: NewAppointment,
  now = new Date(),
  opts: { approveAs?: Checker } = {},
): Promise<{ id: number }> {
  const db = await getDb();
  const start = new Date(input.datetime);
  const end = new Date(input.datetime + input.duration * 60_000);
  const { row, needAudit } = await db.transaction(async (tx) => {
    const room = await assertBookable(tx, { userId: input.userId, roomId: input.roomId, start, duration: input.duration, size: input.size }, now);
    const [row] = await tx
      .insert(appointments)
      .values({
        roomId: input.roomId,
        userId: input.userId,
        purpose: input.purpose,
        participants: input.size,
        phone: input.phone,
        note: input.note ?? null,
        speaker: input.speaker ?? null,
        address: input.address ?? null,
        startsAt: start,
        endsAt: end,
        status: STATUS.PENDING,
        checkInfo: CHECK_INFO.submitted,
      })
      .returning({ id: appointments.id });
    if (input.attendees?.length) {
      await tx.insert(attendees).values(input.attendees.map((a) => ({ ...a, appointmentId: row.id })));
    }
    await emitOpenEvent(tx, "book_success", [row.id]);
    await recordAudit(tx, {
      action: "booking.submitted",
      objectKind: "booking",
      objectId: row.id,
      after: { ...bookingSummary({ roomId: input.roomId, startsAt: start, endsAt: end, status: STATUS.PENDING, participants: input.size, purpose: input.purpose }), userId: input.userId },
    });
    return { row, needAudit: room.needAudit };
  });
  if (!needAudit || opts.approveAs) await approveAppointments([row.id], needAudit ? opts.approveAs! : NO_REVIEW, { now });
  return row;
}
