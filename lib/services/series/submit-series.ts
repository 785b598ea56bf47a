import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointmentSeries, STATUS, users } from "@/lib/db/schema";
import { AppError, badInput, isAppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { submitInTx } from "@/lib/services/booking/submit-appointment";
import { withRetry } from "@/lib/services/review/approve-appointments";
import { notifyBooker } from "@/lib/services/review/notify-booker";
import { parseHhmm } from "@/lib/zoned-time";
import { expandSeries } from "./expand-series";
import { occurrenceStarts, refusesEveryDate, stateOfRefusal, type OccurrenceState, type SeriesRequest } from "./preview-series";
import { getSeriesCaps } from "./series-caps";

export interface NewSeries extends SeriesRequest {
  phone: string;
  purpose: string;
  note?: string | null;
  /** Dates of the series the booker chose not to book (unticked in the preview). */
  skip?: string[];
}

export interface SeriesSubmission {
  seriesId: number;
  booked: { date: string; id: number; status: number }[];
  /** Dates the rule refused (taken, closed, …) or the booker skipped. */
  skipped: { date: string; state: OccurrenceState | "skipped"; reason: string | null }[];
}

/**
 * Books a recurring series: one `appointment_series` row and one ordinary booking per date, each through the
 * single-booking submission (submitInTx: the same rule, instant decision and exclusion constraint), in one
 * transaction. A date the rule refuses is skipped (its savepoint undone) and reported; the rest are booked. Nothing
 * is stored when no date can be booked. The booker gets one message for the instant decisions, not one per date.
 */
export async function submitSeries(input: NewSeries, now = new Date()): Promise<SeriesSubmission> {
  const db = await getDb();
  const startMinute = parseHhmm(input.start);
  if (startMinute === null || startMinute >= 1440) throw badInput("start", "必须是 HH:mm");
  const caps = await getSeriesCaps(db);
  const dates = expandSeries(input, caps);
  const skip = new Set(input.skip ?? []);
  const starts = await occurrenceStarts(dates, input.start);

  return withRetry(() =>
    db.transaction(async (tx) => {
      const [series] = await tx
        .insert(appointmentSeries)
        .values({
          userId: input.userId,
          roomId: input.roomId,
          rule: input.rule,
          weekdays: input.rule === "weekdays" ? [...new Set(input.weekdays ?? [])].sort() : [],
          dates: input.rule === "dates" ? dates : [],
          firstDate: dates[0],
          untilDate: input.rule === "dates" ? dates[dates.length - 1] : (input.untilDate ?? null),
          count: input.rule === "dates" ? dates.length : (input.count ?? null),
          startMinute,
          duration: input.duration,
          purpose: input.purpose,
          participants: input.size,
          phone: input.phone,
          note: input.note ?? null,
        })
        .returning({ id: appointmentSeries.id });

      const out: SeriesSubmission = { seriesId: series.id, booked: [], skipped: [] };
      for (const { date, at } of starts) {
        if (skip.has(date)) {
          out.skipped.push({ date, state: "skipped", reason: null });
          continue;
        }
        try {
          // A savepoint per date: a refused date leaves nothing behind and the others go on.
          const r = await tx.transaction((sp) =>
            submitInTx(
              sp,
              { userId: input.userId, roomId: input.roomId, datetime: at, duration: input.duration, size: input.size, phone: input.phone, purpose: input.purpose, note: input.note },
              now,
              { seriesId: series.id, quiet: true },
            ),
          );
          out.booked.push({ date, id: r.id, status: r.status });
        } catch (e) {
          if (!isAppError(e)) throw e;
          if (refusesEveryDate(e)) throw e;
          out.skipped.push({ date, state: stateOfRefusal(e), reason: e.message });
        }
      }
      if (out.booked.length === 0) throw new AppError(2003, "提交预约失败：所选日期均不可预约");

      const approved = out.booked.filter((b) => b.status === STATUS.APPROVED);
      if (approved.length > 0) {
        const [booker] = await tx.select({ userid: users.userid }).from(users).where(eq(users.id, input.userId));
        const pending = out.booked.length - approved.length;
        const text = `重复预约（共 ${out.booked.length} 次）：${approved.length} 次成功通过审核${pending ? `，${pending} 次待审核` : ""}`;
        if (booker) await notifyBooker(tx, approved[0].id, booker.userid, text, now);
      }
      await recordAudit(tx, {
        action: "series.submitted",
        objectKind: "series",
        objectId: series.id,
        after: { roomId: input.roomId, rule: input.rule, start: input.start, duration: input.duration, booked: out.booked.map((b) => b.id), skipped: out.skipped.map((s) => s.date) },
        actor: { kind: "user", id: input.userId, name: null },
      });
      return out;
    }),
  );
}
