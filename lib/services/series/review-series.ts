import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, appointmentSeries, STATUS, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { approveAppointments, type Checker } from "@/lib/services/review/approve-appointments";
import { notifyBooker } from "@/lib/services/review/notify-booker";
import { rejectAppointments } from "@/lib/services/review/reject-appointments";

export interface SeriesReviewInput {
  seriesId: number;
  action: "approve" | "reject";
  /** Some dates only (appointment ids of the series); absent = every pending date. */
  ids?: number[];
  /** Required to reject. */
  reason?: string;
}

export interface SeriesReviewReport {
  approved: number[];
  rejected: number[];
  /** Pending dates that could not be approved (taken meanwhile, outside hours, …) and were rejected by the rule. */
  refused: number[];
}

/**
 * Reviews a series as one: approve or reject all its pending dates (or the chosen ones), through the same approval
 * and rejection services as single bookings (first come, first served, the exclusion constraint, cascades, Open API
 * events), with one message to the booker for the whole series instead of one per date. Refused while auto-review
 * is on (1009), like manual review. Unknown series or ids not of this series: 2007.
 */
export async function reviewSeries(input: SeriesReviewInput, checker: Checker, now = new Date()): Promise<SeriesReviewReport> {
  const db = await getDb();
  const [s] = await db
    .select({ id: appointmentSeries.id, touser: users.userid })
    .from(appointmentSeries)
    .innerJoin(users, eq(users.id, appointmentSeries.userId))
    .where(eq(appointmentSeries.id, input.seriesId));
  if (!s) throw new AppError(2007);
  const rows = await db
    .select({ id: appointments.id, status: appointments.status })
    .from(appointments)
    .where(and(eq(appointments.seriesId, s.id), input.ids ? inArray(appointments.id, input.ids.length ? input.ids : [0]) : undefined))
    .orderBy(asc(appointments.startsAt));
  if (input.ids && rows.length !== new Set(input.ids).size) throw new AppError(2007);
  const pending = rows.filter((r) => r.status === STATUS.PENDING).map((r) => r.id);
  const report: SeriesReviewReport = { approved: [], rejected: [], refused: [] };

  if (input.action === "approve") {
    const r = await approveAppointments(pending, checker, { manual: true, now, quiet: true });
    for (const o of r.outcomes) {
      if (o.outcome === "approved") report.approved.push(o.id);
      else if (o.outcome !== "not-pending" && o.outcome !== "started") report.refused.push(o.id);
    }
  } else {
    report.rejected = await rejectAppointments(pending, input.reason ?? "", checker, { manual: true, now, quiet: true });
  }

  const changed = [...report.approved, ...report.rejected, ...report.refused];
  if (changed.length > 0) {
    await db.transaction(async (tx) => {
      const parts =
        input.action === "approve"
          ? [`${report.approved.length} 次成功通过审核`, ...(report.refused.length ? [`${report.refused.length} 次已被他人占用或不可预约`] : [])]
          : [`${report.rejected.length} 次被退回\n审核信息：${checker.name}：${(input.reason ?? "").trim()}`];
      await notifyBooker(tx, changed[0], s.touser, `重复预约（${input.ids ? "部分日期" : "整个系列"}）：${parts.join("，")}`, now);
      await recordAudit(tx, {
        action: input.action === "approve" ? "series.approved" : "series.rejected",
        objectKind: "series",
        objectId: s.id,
        after: { ...report, partial: !!input.ids },
        actor: { kind: checker.adminId === null ? "system" : "admin", id: checker.adminId, name: checker.name },
      });
    });
  }
  return report;
}
