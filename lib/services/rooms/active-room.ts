import "server-only";
import { isNull, type SQL } from "drizzle-orm";
import { rooms } from "@/lib/db/schema";

/**
 * THE "active room" rule, as a condition on `rooms`: a room removed through the Open API while it had bookings stays
 * as a tombstone (removed_at set) so that those bookings keep their place, but it is no room any more: no page, list,
 * console screen, token or Open API call finds it. Every query that looks up rooms as rooms uses this; queries that
 * reach a room through a booking (history, details, reports of past use) do not. The room's place stays taken (the
 * unique index covers tombstones), so the add and sheet checks of places see every row.
 */
export function activeRoom(): SQL {
  return isNull(rooms.removedAt);
}
