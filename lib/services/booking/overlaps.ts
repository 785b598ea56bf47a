import "server-only";
import { and, eq, gt, inArray, lt, ne, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { appointments, STATUS, type StatusCode } from "@/lib/db/schema";

/**
 * THE conflict rule, as a condition on `appointments`: bookings of `roomId` in `status` (approved unless told
 * otherwise) whose half-open period [starts_at, ends_at) intersects [start, end). Back-to-back periods do not
 * conflict. Written with tstzrange && so that, for approved bookings, Postgres answers it from the GiST index of
 * the appointments_no_overlap exclusion constraint: the very rule the database enforces (pending ones: from
 * appointments_pending_room_period_gist, which approvals use to find the requests an approval overrides).
 */
export function overlaps(
  roomId: number | SQLWrapper,
  start: Date,
  end: Date,
  status: StatusCode = STATUS.APPROVED,
  /** An aliased `appointments` (aliasedTable) for a sub-query of a statement on appointments. */
  t: typeof appointments = appointments,
): SQL {
  // The status is a literal, not a parameter: the indexes are partial (status = 3, status = 2), and a generic plan
  // of a prepared statement can use them only when the predicate is visible in the query text.
  if (!Number.isInteger(status)) throw new Error(`bad status ${status}`);
  return sql`(${t.status} = ${sql.raw(String(status))} and ${t.roomId} = ${roomId}
    and tstzrange(${t.startsAt}, ${t.endsAt}, '[)') && tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)'))`;
}

/**
 * The same rule between two rows, as a join condition (the review queue's conflicts): `other` is another booking of
 * `row`'s room, in one of `statuses`, whose half-open period intersects `row`'s. Pass an aliased `appointments` for
 * one side.
 */
export function rowsOverlap(row: typeof appointments, other: typeof appointments, statuses: StatusCode[] = [STATUS.APPROVED]): SQL {
  return and(
    eq(other.roomId, row.roomId),
    ne(other.id, row.id),
    inArray(other.status, statuses),
    lt(other.startsAt, row.endsAt),
    gt(other.endsAt, row.startsAt),
  ) as SQL;
}
