import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { assertBookable } from "@/lib/services/booking/assert-bookable";
import { countPendingOverlaps } from "@/lib/services/booking/pending-requests";
import { localToEpoch } from "@/lib/zoned-time";
import { zone } from "@/lib/time";
import { expandSeries, type SeriesCaps, type SeriesPattern } from "./expand-series";
import { getSeriesCaps } from "./series-caps";
import { labelsOf } from "@/lib/services/calendar/academic-calendar";

export interface SeriesRequest extends SeriesPattern {
  userId: number;
  roomId: number;
  /** Wall-clock start `HH:mm` of every occurrence. */
  start: string;
  duration: number;
  size: number;
}

/**
 * free: bookable, nothing pending; pending: bookable, but earlier requests wait for the same time (先到先审);
 * taken: an approved booking holds it (2003); outside-hours: not within the room's bookable hours (3003);
 * past: already begun; closed: any other refusal of the submission rule (room closed, a closure, …), with its reason.
 */
export type OccurrenceState = "free" | "pending" | "taken" | "outside-hours" | "past" | "closed";

export interface OccurrencePreview {
  date: string;
  start: number;
  end: number;
  state: OccurrenceState;
  /** Pending requests overlapping it. */
  pending: number;
  /** The rule's own message when it cannot be booked. */
  reason: string | null;
  /** Teaching week in the term holding the date (`第8周` shows beside it), and a holiday's name, if any. */
  week: number | null;
  holiday: string | null;
}

/** The state of one occurrence as the submission rule (assertBookable) answers it: every rule that refuses a booking shows here. */
export function stateOfRefusal(e: AppError): OccurrenceState {
  if (e.code === 2003) return "taken";
  if (e.code === 3003) return "outside-hours";
  if (e.code === 4002 && e.field === "datetime") return "past";
  return "closed";
}

/** Whole-request refusals (no occurrence could ever pass): they are answered as errors, not per date. */
export function refusesEveryDate(e: AppError): boolean {
  return e.code === 2008 || (e.code === 4002 && (e.field === "size" || e.field === "duration" || e.field === "roomId"));
}

export async function occurrenceStarts(dates: string[], start: string) {
  const tz = zone();
  return dates.map((date) => {
    const at = localToEpoch(date, start, tz);
    if (at === null) throw new AppError(4002, "数据格式有误(start: 必须是 HH:mm)", "start");
    return { date, at };
  });
}

/**
 * Every occurrence of a series with the state the submission would meet, read through the very rule functions the
 * submission uses (assertBookable inside a read-only transaction), so that any rule added there (closures, …)
 * appears here too. Pending overlaps come from the small pending-requests query.
 */
export async function previewSeries(r: SeriesRequest, now = new Date(), caps?: SeriesCaps): Promise<{ occurrences: OccurrencePreview[]; caps: SeriesCaps }> {
  const db = await getDb();
  const c = caps ?? (await getSeriesCaps(db));
  const dates = expandSeries(r, c);
  const starts = await occurrenceStarts(dates, r.start);
  // assertBookable only reads; one transaction gives every date the same consistent view.
  const occurrences = await db.transaction(async (tx) => {
    const out: OccurrencePreview[] = [];
    for (const { date, at } of starts) out.push(await previewOne(tx, r, date, at, now));
    return out;
  });
  const labels = await labelsOf(dates, db);
  for (const o of occurrences) {
    const l = labels.get(o.date);
    o.week = l?.week ?? null;
    o.holiday = l?.holiday ?? null;
  }
  return { occurrences, caps: c };
}

async function previewOne(tx: Tx, r: SeriesRequest, date: string, at: number, now: Date): Promise<OccurrencePreview> {
  const start = new Date(at);
  const end = new Date(at + r.duration * 60_000);
  try {
    await assertBookable(tx, { userId: r.userId, roomId: r.roomId, start, duration: r.duration, size: r.size }, now);
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (refusesEveryDate(e)) throw e;
    return { date, start: at, end: end.getTime(), state: stateOfRefusal(e), pending: 0, reason: e.message, week: null, holiday: null };
  }
  const pending = (await countPendingOverlaps([r.roomId], start, end, tx)).get(r.roomId) ?? 0;
  return { date, start: at, end: end.getTime(), state: pending > 0 ? "pending" : "free", pending, reason: null, week: null, holiday: null };
}
