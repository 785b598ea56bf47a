import "server-only";
import { and, ne } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db";
import { appointments, attendees, STATUS, type StatusCode } from "@/lib/db/schema";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { bookingSummary } from "@/lib/services/audit/summaries";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { approveOneInTx, lockRoomForReview, withRetry, type Checker } from "@/lib/services/review/approve-appointments";
import { checkBookable } from "./assert-bookable";
import { AUTO_REVIEWER, CHECK_INFO } from "./check-info";
import { overlaps } from "./overlaps";

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

export interface SubmitOptions {
  /** A caller allowed to approve (the Open API's checkedState 1). */
  approveAs?: Checker;
  /** The recurring series this booking is an occurrence of. */
  seriesId?: number;
  /** No message to the booker about an instant decision (a series sends one for all its dates). */
  quiet?: boolean;
}

export interface SubmitResult {
  id: number;
  /** What the booker sees at once: approved (instant decision), pending (queued) or rejected (lost a race). */
  status: StatusCode;
}

/** Who approves a booking of a room that needs no review. */
const NO_REVIEW: Checker = { adminId: null, name: AUTO_REVIEWER };
const AUTO: Checker = { adminId: null, name: AUTO_REVIEWER };

/**
 * Records a booking request with its attendees and the `book_success` event for Open API subscribers, and decides it
 * at once where nothing stands in the way, all in one transaction. Refused with nothing written by the submission
 * rule (assertBookable). See submitInTx for the decision.
 */
export async function submitAppointment(input: NewAppointment, now = new Date(), opts: SubmitOptions = {}): Promise<SubmitResult> {
  const db = await getDb();
  return withRetry(() => db.transaction((tx) => submitInTx(tx, input, now, opts)));
}

/**
 * The submission inside the caller's transaction (single bookings and every occurrence of a series).
 *
 * Instant decision, through the approval service's own per-booking step (same checker name, messages and events as
 * review): a room that needs no review, or a caller allowed to approve, is approved at once (overlapping pending
 * requests lose, as in review); with auto-review on, a request that overlaps no earlier pending request is approved
 * at once by `自动审核` (first come, first served); otherwise it stays pending for review.
 *
 * The room's review lock is taken before the rule is checked, so two submissions for one free slot take turns: the
 * second sees the first one's approval and is refused (2003) with nothing written. The exclusion constraint remains
 * the final word against any other writer.
 */
export async function submitInTx(tx: Tx, input: NewAppointment, now: Date, opts: SubmitOptions = {}): Promise<SubmitResult> {
  const start = new Date(input.datetime);
  const end = new Date(input.datetime + input.duration * 60_000);
  if (Number.isInteger(input.roomId) && input.roomId > 0 && input.roomId <= 2147483647) await lockRoomForReview(tx, input.roomId);
  const { room, campus } = await checkBookable(tx, { userId: input.userId, roomId: input.roomId, start, duration: input.duration, size: input.size }, now);
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
      seriesId: opts.seriesId ?? null,
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
    after: {
      ...bookingSummary({ roomId: input.roomId, startsAt: start, endsAt: end, status: STATUS.PENDING, participants: input.size, purpose: input.purpose }),
      userId: input.userId,
      ...(opts.seriesId ? { seriesId: opts.seriesId } : {}),
    },
  });

  let checker: Checker | null = null;
  if (!room.needAudit) checker = NO_REVIEW;
  else if (opts.approveAs) checker = opts.approveAs;
  else if (campus.autoReview) {
    const [earlier] = await tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(overlaps(room.id, start, end, STATUS.PENDING), ne(appointments.id, row.id)))
      .limit(1);
    if (!earlier) checker = AUTO;
  }
  if (!checker) return { id: row.id, status: STATUS.PENDING };
  const { outcome } = await approveOneInTx(tx, row.id, room.id, checker, now, opts.quiet);
  return { id: row.id, status: outcome === "approved" ? STATUS.APPROVED : outcome === "not-pending" || outcome === "started" ? STATUS.PENDING : STATUS.REJECTED };
}
