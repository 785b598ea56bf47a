import "server-only";
import { aliasedTable, and, asc, count, eq, gt, gte, inArray, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { appointments, rooms, STATUS, users } from "@/lib/db/schema";
import { AppError, badInput } from "@/lib/errors";
import { formatDateTime, parseLocalDate, startOfNextLocalDay } from "@/lib/time";
import type { ReviewQueueInput } from "@/lib/validation/review-queue";

export interface Conflict {
  appointId: number;
  /** 3 approved (approving this request would fail) or 2 pending (approving this one would reject that one). */
  statusCode: 2 | 3;
  name: string;
  purpose: string;
  startTime: string;
  duration: number;
}

/** A legacy CheckView row plus what the console needs to decide. */
export interface ReviewItem {
  appointId: number;
  userid: string;
  name: string;
  roomId: number;
  place: string;
  size: number;
  roomAvailable: boolean;
  purpose: string;
  participants: number;
  phone: string;
  startTime: string;
  duration: number;
  note: string | null;
  handTime: string;
  conflicts: Conflict[];
  /** Place in the whole pending queue (1 = reviewed first: first come, first served). */
  queuePosition: number;
  /** Recurring bookings: the series and how many of its dates are pending (review it as one). */
  seriesId: number | null;
  seriesPending: number;
}

const minutes = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 60000);

/**
 * Pending requests, first come first served (submission time, then id), with every approved or pending booking
 * of the same room that overlaps each one (half-open intervals: back-to-back bookings do not conflict). Requests for
 * closed rooms are included (the legacy list hid them although auto-review still approved them).
 */
export async function listReviewQueue(
  actor: SessionAdmin | null,
  input: ReviewQueueInput,
): Promise<{ count: number; page: number; size: number; rows: ReviewItem[] }> {
  if (!actor) throw new AppError(1005);
  const db = await getDb();
  const size = input.size ?? 20;

  const filters: SQL[] = [eq(appointments.status, STATUS.PENDING)];
  if (input.roomId !== undefined) filters.push(eq(appointments.roomId, input.roomId));
  if (input.date !== undefined) {
    const day = parseLocalDate(input.date);
    if (!day) throw badInput("date", "不是有效日期");
    filters.push(gte(appointments.startsAt, day), lt(appointments.startsAt, startOfNextLocalDay(day)));
  }
  const where = and(...filters);

  const [{ n }] = await db.select({ n: count() }).from(appointments).where(where);
  const total = Number(n);
  const last = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(input.page ?? 1, 1), last);

  const list = await db
    .select({
      a: appointments,
      u: users,
      r: rooms,
      position: sql<string>`(select count(*) + 1 from appointments q where q.status = ${STATUS.PENDING} and (q.submitted_at, q.id) < (${appointments.submittedAt}, ${appointments.id}))`,
    })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.userId))
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .where(where)
    .orderBy(asc(appointments.submittedAt), asc(appointments.id))
    .limit(size)
    .offset((page - 1) * size);

  const ids = list.map((x) => x.a.id);
  const other = aliasedTable(appointments, "other");
  const otherUser = aliasedTable(users, "other_user");
  const conflictRows = ids.length
    ? await db
        .select({ forId: appointments.id, o: other, name: otherUser.name })
        .from(appointments)
        .innerJoin(
          other,
          and(
            eq(other.roomId, appointments.roomId),
            ne(other.id, appointments.id),
            or(eq(other.status, STATUS.APPROVED), eq(other.status, STATUS.PENDING)),
            lt(other.startsAt, appointments.endsAt),
            gt(other.endsAt, appointments.startsAt),
          ),
        )
        .innerJoin(otherUser, eq(otherUser.id, other.userId))
        .where(inArray(appointments.id, ids))
        .orderBy(sql`${other.status} desc`, asc(other.startsAt), asc(other.id))
    : [];
  const seriesIds = [...new Set(list.map((x) => x.a.seriesId).filter((v): v is number => v !== null))];
  const seriesPending = new Map<number, number>();
  if (seriesIds.length) {
    const counts = await db
      .select({ seriesId: appointments.seriesId, n: count() })
      .from(appointments)
      .where(and(inArray(appointments.seriesId, seriesIds), eq(appointments.status, STATUS.PENDING)))
      .groupBy(appointments.seriesId);
    for (const c of counts) if (c.seriesId !== null) seriesPending.set(c.seriesId, Number(c.n));
  }
  const conflictsOf = new Map<number, Conflict[]>();
  for (const c of conflictRows) {
    const arr = conflictsOf.get(c.forId) ?? [];
    arr.push({
      appointId: c.o.id,
      statusCode: c.o.status as 2 | 3,
      name: c.name,
      purpose: c.o.purpose,
      startTime: formatDateTime(c.o.startsAt),
      duration: minutes(c.o.startsAt, c.o.endsAt),
    });
    conflictsOf.set(c.forId, arr);
  }

  return {
    count: total,
    page,
    size,
    rows: list.map(({ a, u, r, position }) => ({
      queuePosition: Number(position),
      appointId: a.id,
      userid: u.userid,
      name: u.name,
      roomId: r.id,
      place: r.place,
      size: r.size,
      roomAvailable: r.available,
      purpose: a.purpose,
      participants: a.participants,
      phone: a.phone,
      startTime: formatDateTime(a.startsAt),
      duration: minutes(a.startsAt, a.endsAt),
      note: a.note,
      handTime: formatDateTime(a.submittedAt),
      conflicts: conflictsOf.get(a.id) ?? [],
      seriesId: a.seriesId,
      seriesPending: a.seriesId === null ? 0 : (seriesPending.get(a.seriesId) ?? 0),
    })),
  };
}
