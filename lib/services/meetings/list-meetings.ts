import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lt, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, STATUS, users } from "@/lib/db/schema";
import { loadOpenMeetings } from "@/lib/services/openapi/load-open-meetings";
import { startOfNextLocalDay } from "@/lib/time";

export interface MeetingFilter {
  roomId?: number;
  speaker?: string;
  speakerLike?: string;
  checkedState?: 0 | 1 | 2;
  minTime?: Date;
  maxTime?: Date;
  /** Local midnight of the day whose meetings are wanted. */
  reverseDate?: Date;
  createdBeginTime?: Date;
  createdEndTime?: Date;
  orderBy?: "beginTime" | "endTime" | "createdTime" | "lastUpdateTime" | "checkedTime";
  direction?: "asc" | "desc";
}

const WINDOW_DAYS = 30;
const LIMIT = 1000;

/**
 * Open API meeting/list. Time filters select meetings overlapping [minTime, maxTime) (or the day of reverseDate);
 * with none, the next 30 days from now. Cancelled meetings are never listed. Sorted by the time field asked for
 * (default beginTime ascending), at most 1000.
 */
export async function listMeetings(f: MeetingFilter, now = new Date()) {
  const db = await getDb();
  const speaker = sql`coalesce(${appointments.speaker}, ${users.name})`;
  const where: SQL[] = [ne(appointments.status, STATUS.CANCELLED)];
  if (f.roomId !== undefined) where.push(eq(appointments.roomId, f.roomId));
  if (f.speaker) where.push(sql`${speaker} = ${f.speaker}`);
  if (f.speakerLike) where.push(sql`${speaker} like ${"%" + f.speakerLike.replace(/[\\%_]/g, (c) => "\\" + c) + "%"}`);
  if (f.checkedState !== undefined) {
    const statuses = f.checkedState === 1 ? [STATUS.APPROVED] : f.checkedState === 2 ? [STATUS.REJECTED] : [STATUS.PENDING, STATUS.EXPIRED];
    where.push(inArray(appointments.status, statuses));
  }
  let min = f.minTime;
  let max = f.maxTime;
  if (f.reverseDate) {
    min = f.reverseDate;
    max = startOfNextLocalDay(f.reverseDate);
  }
  const timeFiltered = min || max || f.createdBeginTime || f.createdEndTime;
  if (!timeFiltered) {
    min = now;
    max = new Date(now.getTime() + WINDOW_DAYS * 86_400_000);
  }
  if (min) where.push(gt(appointments.endsAt, min));
  if (max) where.push(lt(appointments.startsAt, max));
  if (f.createdBeginTime) where.push(gte(appointments.submittedAt, f.createdBeginTime));
  if (f.createdEndTime) where.push(lt(appointments.submittedAt, f.createdEndTime));

  const column = {
    beginTime: appointments.startsAt,
    endTime: appointments.endsAt,
    createdTime: appointments.submittedAt,
    lastUpdateTime: appointments.updatedAt,
    checkedTime: sql`coalesce(${appointments.reviewedAt}, ${appointments.updatedAt})`,
  }[f.orderBy ?? "beginTime"];
  const dir = f.direction === "desc" ? desc : asc;
  const rows = await db
    .select({ id: appointments.id })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.userId))
    .where(and(...where))
    .orderBy(dir(column), dir(appointments.id))
    .limit(LIMIT);
  return loadOpenMeetings(db, rows.map((r) => r.id));
}
