import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db";
import { appointments, attendees, rooms, STATUS, users } from "@/lib/db/schema";

export type OpenMeeting = ReturnType<typeof toOpenMeeting>;

/** Open API `checkedState`: 0 not reviewed (pending, or expired unreviewed), 1 approved, 2 rejected. */
export function checkedStateOf(status: number): 0 | 1 | 2 {
  if (status === STATUS.APPROVED) return 1;
  if (status === STATUS.REJECTED) return 2;
  return 0;
}

type Row = {
  a: typeof appointments.$inferSelect;
  roomAddress: string;
  bookerName: string;
};

export function toOpenMeeting(row: Row, people: (typeof attendees.$inferSelect)[]) {
  const { a } = row;
  return {
    id: String(a.id),
    roomId: String(a.roomId),
    speaker: a.speaker ?? row.bookerName,
    subject: a.purpose,
    beginTime: a.startsAt.getTime(),
    endTime: a.endsAt.getTime(),
    address: a.address ?? row.roomAddress,
    createdTime: a.submittedAt.getTime(),
    lastUpdateTime: a.updatedAt.getTime(),
    checkedState: checkedStateOf(a.status),
    checkedTime: (a.reviewedAt ?? a.updatedAt).getTime(),
    memo: a.note ?? "",
    /** Not in the seed: our status code (0 expired, 1 cancelled, 2 pending, 3 approved, 4 rejected). */
    status: a.status,
    /** Not in the seed: the recurring series this meeting is an occurrence of ("" for a single meeting). */
    seriesId: a.seriesId === null ? "" : String(a.seriesId),
    attendances: people.map((p) => ({
      id: String(p.id),
      userId: p.userId === null ? "" : String(p.userId),
      name: p.name,
      phone: p.phone,
      email: p.email,
      faceUrl: p.faceUrl,
      isSigned: p.isSigned ? 1 : 0,
      signType: p.signType,
      signImgUrl: p.signImgUrl,
      signTime: p.signTime ? p.signTime.getTime() : 0,
    })),
  };
}

/** Meetings (= bookings) with their attendees, in the order of `ids`. */
export async function loadOpenMeetings(db: Db | Tx, ids: number[]): Promise<OpenMeeting[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ a: appointments, roomAddress: rooms.address, bookerName: users.name })
    .from(appointments)
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .innerJoin(users, eq(users.id, appointments.userId))
    .where(inArray(appointments.id, ids));
  const people = await db
    .select()
    .from(attendees)
    .where(inArray(attendees.appointmentId, ids))
    .orderBy(asc(attendees.id));
  const byId = new Map(rows.map((r) => [r.a.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is Row => Boolean(r))
    .map((r) => toOpenMeeting(r, people.filter((p) => p.appointmentId === r.a.id)));
}
