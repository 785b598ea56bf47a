import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, rooms, STATUS } from "@/lib/db/schema";
import { AppError, badInput } from "@/lib/errors";
import { getSettings } from "@/lib/services/settings/get-settings";
import { CHECK_INFO } from "./check-info";
import { isWithinOpenHours } from "./is-within-open-hours";
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
}

/**
 * Records a booking request, pending review. Refused with nothing written: a start not in the future, a period
 * outside open hours (3003), an unknown or closed room, more participants than seats, or a period that overlaps an
 * approved booking (2003). Overlaps with other pending requests are allowed: review settles them.
 */
export async function submitAppointment(input: NewAppointment, now = new Date()): Promise<{ id: number }> {
  const db = await getDb();
  const start = new Date(input.datetime);
  const end = new Date(input.datetime + input.duration * 60_000);
  if (!Number.isInteger(input.duration) || input.duration < 1 || input.duration > 1440) throw badInput("duration", "超出范围");
  if (!Number.isInteger(input.size) || input.size < 1) throw badInput("size", "必须是正整数");

  const [room] = await db.select().from(rooms).where(eq(rooms.id, input.roomId));
  if (!room) throw badInput("roomId", "会议室不存在");
  if (!room.available) throw badInput("roomId", "会议室未开放");
  if (start.getTime() <= now.getTime()) throw badInput("datetime", "开始时间必须晚于当前时间");
  if (input.size > room.size) throw badInput("size", `参与人数超过会议室容量(${room.size}人)`);
  if (!isWithinOpenHours(start, input.duration, await getSettings(db))) throw new AppError(3003);

  const taken = await db.select({ id: appointments.id }).from(appointments).where(overlaps(room.id, start, end)).limit(1);
  if (taken.length > 0) throw new AppError(2003);

  const [row] = await db
    .insert(appointments)
    .values({
      roomId: room.id,
      userId: input.userId,
      purpose: input.purpose,
      participants: input.size,
      phone: input.phone,
      note: input.note ?? null,
      startsAt: start,
      endsAt: end,
      status: STATUS.PENDING,
      checkInfo: CHECK_INFO.submitted,
    })
    .returning({ id: appointments.id });
  return row;
}
