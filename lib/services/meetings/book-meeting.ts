import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rooms, users } from "@/lib/db/schema";
import { badInput, notFound } from "@/lib/errors";
import { submitAppointment } from "@/lib/services/booking/submit-appointment";
import { loadOpenMeetings } from "@/lib/services/openapi/load-open-meetings";
import { openApiChecker } from "./open-api-checker";
import { resolveAttendees, type AttendanceInput } from "./resolve-attendees";

export interface BookMeetingInput {
  roomId: number;
  createdId: number;
  speaker: string;
  subject: string;
  beginTime: number;
  endTime: number;
  attendances: AttendanceInput[];
  address?: string;
  memo?: string;
  checkedState?: number;
}

/**
 * Open API meeting/book: the same submission (rules, transaction, events) as a booking made in the pages, on behalf
 * of the booker `createdId`; approved at once by it when the room needs no review or the app asks for checkedState 1. Participants = the attendances (at least the booker).
 */
export async function bookMeeting(input: BookMeetingInput, appkey: string, now = new Date()) {
  const db = await getDb();
  if (input.checkedState === 2) throw badInput("checkedState", "预约时不能设为驳回");
  const span = input.endTime - input.beginTime;
  if (span <= 0) throw badInput("endTime", "必须晚于开始时间");
  if (span % 60_000 !== 0) throw badInput("endTime", "会议时长须为整分钟");
  const [room] = await db.select().from(rooms).where(and(eq(rooms.id, input.roomId), isNull(rooms.removedAt)));
  if (!room) throw notFound("roomId", "会议室");
  const [booker] = await db.select().from(users).where(and(eq(users.id, input.createdId), isNull(users.removedAt)));
  if (!booker) throw notFound("createdId", "预约人");
  if (booker.status !== 1) throw badInput("createdId", "预约人已停用");
  const people = await resolveAttendees(db, input.attendances);

  const { id } = await submitAppointment(
    {
      userId: booker.id,
      roomId: room.id,
      datetime: input.beginTime,
      duration: span / 60_000,
      size: Math.max(1, people.length),
      phone: booker.phone ?? "",
      purpose: input.subject,
      note: input.memo ?? null,
      speaker: input.speaker,
      address: input.address || null,
      attendees: people,
    },
    now,
    { approveAs: input.checkedState === 1 ? openApiChecker(appkey) : undefined },
  );
  return (await loadOpenMeetings(db, [id]))[0];
}
