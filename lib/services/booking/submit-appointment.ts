import { getDb } from "@/lib/db";
import { appointments, attendees, STATUS } from "@/lib/db/schema";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
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

/**
 * Records a booking request, pending review, with its attendees, and the `book_success` event for Open API
 * subscribers, in one transaction. Refused with nothing written by the submission rule (assertBookable). Overlaps
 * with other pending requests are allowed: review settles them.
 */
export async function submitAppointment(input: NewAppointment, now = new Date()): Promise<{ id: number }> {
  const db = await getDb();
  const start = new Date(input.datetime);
  const end = new Date(input.datetime + input.duration * 60_000);
  return db.transaction(async (tx) => {
    await assertBookable(tx, { userId: input.userId, roomId: input.roomId, start, duration: input.duration, size: input.size }, now);
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
    return row;
  });
}
