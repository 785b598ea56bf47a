import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { deleteSchedule, listSchedules, saveSchedule } from "@/lib/clients/campus/api";
import { campusEnabled } from "@/lib/clients/campus/config";
import { CampusError } from "@/lib/clients/campus/errors";
import { platformDate, platformTime } from "@/lib/clients/campus/read";
import { getDb, type Db, type Tx } from "@/lib/db";
import { appointments, campusCalendarEntries, outbox, STATUS } from "@/lib/db/schema";
import { enqueue } from "@/lib/outbox/enqueue";
import { bookingLink, bookingMarker, bookingPeriod, loadBookingFacts } from "./booking-facts";
import { campusUserName } from "./user-name";

// Calendar (日程) entries on the campus platform for approved bookings (issue 12 §6). ONE reaction to booking state
// changes: `onBookingsChanged` is called wherever a booking changes (emitOpenEvent's meeting events call it, so
// approve, reject, cancel, expire, move, finish and no-show release all get it), records a `campus.call` message in
// the changing transaction, and the outbox later runs `reconcileCalendarEntry`, which brings the platform's entry in
// line with the booking as it is THEN: approved → the entry exists with the current content; anything else → no
// entry. Reading the state at delivery makes the messages idempotent and safe to repeat.

const REMIND_BEFORE_MS = 15 * 60_000;
const orderingKey = (id: number) => `campus-calendar:${id}`;

export async function onBookingsChanged(tx: Tx | Db, ids: (number | string)[]) {
  if (!campusEnabled()) return;
  const list = [...new Set(ids.map(Number).filter(Number.isInteger))];
  if (list.length === 0) return;
  // Approved now, or the platform may have (or be about to get) an entry: an entry row, or an earlier message.
  const rows = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        inArray(appointments.id, list),
        sql`(${appointments.status} = ${STATUS.APPROVED}
          or exists (select 1 from ${campusCalendarEntries} e where e.appointment_id = ${appointments.id} and e.deleted_at is null)
          or exists (select 1 from ${outbox} o where o.ordering_key = 'campus-calendar:' || ${appointments.id}::text))`,
      ),
    );
  if (rows.length === 0) return;
  await enqueue(
    tx,
    rows.map((r) => ({ topic: "campus.call" as const, orderingKey: orderingKey(r.id), payload: { op: "calendar", appointmentId: r.id } })),
  );
}

export function calendarContent(f: { id: number; place: string; purpose: string; startsAt: Date; endsAt: Date }): string {
  return [
    `会议室预约 ${bookingMarker(f.id)}`,
    `会议室：${f.place}`,
    `时间：${bookingPeriod(f)}`,
    f.purpose ? `用途：${f.purpose}` : null,
    `详情：${bookingLink(f.id)}`,
  ]
    .filter(Boolean)
    .join("\n");
}

async function findEntry(userName: string, startDate: string, endDate: string, id: number) {
  const rows = await listSchedules(userName, startDate, endDate);
  return rows.find((r) => r.id !== null && r.content.includes(bookingMarker(id))) ?? null;
}

const gone = (e: unknown) => e instanceof CampusError && e.kind === "refused";

/** Makes the platform agree with the booking as it is now. Throws CampusError when the platform fails (retried). */
export async function reconcileCalendarEntry(appointmentId: number): Promise<"created" | "updated" | "deleted" | "unchanged"> {
  const db = await getDb();
  const facts = await loadBookingFacts(db, appointmentId);
  const [entry] = await db.select().from(campusCalendarEntries).where(eq(campusCalendarEntries.appointmentId, appointmentId));
  const userName = entry?.userName ?? (facts ? await campusUserName(db, facts.userid) : null);
  if (!userName) return "unchanged";

  if (!facts || facts.status !== STATUS.APPROVED) {
    if (!entry || entry.deletedAt) return "unchanged";
    let entryId = entry.entryId;
    // An entry whose id was never learnt (a crash between add and list): find it by our marker.
    if (entryId === null && facts) entryId = (await findEntry(userName, platformDate(facts.startsAt), platformDate(facts.endsAt), appointmentId))?.id ?? null;
    if (entryId !== null) {
      try {
        await deleteSchedule(entryId);
      } catch (e) {
        if (!gone(e)) throw e; // already gone on the platform
      }
    }
    await db.update(campusCalendarEntries).set({ deletedAt: new Date(), updatedAt: new Date() }).where(eq(campusCalendarEntries.appointmentId, appointmentId));
    return "deleted";
  }

  const content = calendarContent(facts);
  const startDate = platformDate(facts.startsAt);
  const body = {
    userName,
    content,
    remind: true,
    remindWay: "3",
    remindTime: platformTime(new Date(facts.startsAt.getTime() - REMIND_BEFORE_MS)),
    startDate,
    endDate: platformDate(facts.endsAt),
  };

  if (entry && entry.entryId !== null && !entry.deletedAt) {
    if (entry.content === content && entry.startDate === startDate) return "unchanged";
    try {
      await saveSchedule({ ...body, id: entry.entryId });
      await db.update(campusCalendarEntries).set({ content, startDate, updatedAt: new Date() }).where(eq(campusCalendarEntries.appointmentId, appointmentId));
      return "updated";
    } catch (e) {
      if (!gone(e)) throw e;
      // Deleted on the platform by hand: create it again below.
    }
  }

  // The intent first, so that a cancellation arriving meanwhile knows there may be an entry to delete.
  await db
    .insert(campusCalendarEntries)
    .values({ appointmentId, userName, entryId: null, content: "", startDate: "" })
    .onConflictDoUpdate({ target: campusCalendarEntries.appointmentId, set: { entryId: null, deletedAt: null, updatedAt: new Date() } });
  // Never a second entry: an earlier attempt may have created it before failing to learn its id.
  let found = await findEntry(userName, body.startDate, body.endDate, appointmentId);
  let result: "created" | "updated" = "updated";
  if (found) {
    if (found.content !== content) await saveSchedule({ ...body, id: found.id! });
  } else {
    await saveSchedule(body);
    result = "created";
    found = await findEntry(userName, body.startDate, body.endDate, appointmentId);
    if (!found) throw new CampusError("unavailable", "msg/rcInfo/list", "calendar entry was added but rcInfo/list does not show it yet");
  }
  await db
    .update(campusCalendarEntries)
    .set({ entryId: found.id, content, startDate, deletedAt: null, updatedAt: new Date() })
    .where(eq(campusCalendarEntries.appointmentId, appointmentId));
  return result;
}
