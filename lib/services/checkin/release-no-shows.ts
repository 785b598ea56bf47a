import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { STATUS } from "@/lib/db/schema";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { notifyBooker } from "@/lib/services/review/notify-booker";
import { getRoomSettings } from "@/lib/services/rooms/room-settings";
import { NO_SHOW_INFO } from "./check-in-window";

export interface NoShowReport {
  released: number;
  ids: number[];
}

/**
 * The maintenance step: approved bookings of rooms that require check-in, nobody checked in, whose check-in deadline
 * (start + the "after" minutes) has passed, are cancelled with `未签到，已自动释放` — the time is free again — and
 * the booker is notified once (the update is conditional and skips rows a review or check-in holds, so a booking is
 * released and messaged at most once whatever runs overlap).
 */
export async function releaseNoShows(now: Date): Promise<NoShowReport> {
  const db = await getDb();
  const cfg = await getRoomSettings(db);
  const at = sql`${now.toISOString()}::timestamptz`;
  const deadline = sql`${new Date(now.getTime() - cfg.checkInAfterMinutes * 60_000).toISOString()}::timestamptz`;
  return db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      with target as (
        select a.id from appointments a join rooms r on r.id = a.room_id
        where a.status = ${STATUS.APPROVED} and r.check_in_required and a.checked_in_at is null
          and a.starts_at <= ${deadline}
        order by a.starts_at
        limit 500
        for update of a skip locked
      )
      update appointments a
         set status = ${STATUS.CANCELLED}, check_info = ${NO_SHOW_INFO}, no_show_at = ${at}, updated_at = ${at}
        from target, users u
       where a.id = target.id and u.id = a.user_id
      returning a.id, a.room_id, a.starts_at, u.userid`);
    const rows = rowsOf<{ id: number; room_id: number; starts_at: string | Date; userid: string }>(result);
    for (const r of rows) {
      const id = Number(r.id);
      await notifyBooker(tx, id, r.userid, NO_SHOW_INFO, now);
      await recordAudit(tx, {
        action: "booking.no_show_released",
        objectKind: "booking",
        objectId: id,
        before: { status: STATUS.APPROVED },
        after: { status: STATUS.CANCELLED, checkInfo: NO_SHOW_INFO, roomId: Number(r.room_id) },
        actor: { kind: "system", id: null, name: "maintenance" },
        channel: "maintenance",
      });
    }
    // Like a cancellation for integrating apps.
    await emitOpenEvent(tx, "book_cancel", rows.map((r) => Number(r.id)));
    return { released: rows.length, ids: rows.map((r) => Number(r.id)) };
  });
}
