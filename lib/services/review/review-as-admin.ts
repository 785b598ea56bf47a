import "server-only";
import type { SessionAdmin } from "@/lib/auth/identity";
import { AppError, badInput, E } from "@/lib/errors";
import { kickOutbox } from "@/lib/outbox/kick-outbox";
import { requireAdmin } from "@/lib/services/authz";
import { reviewSeries, type SeriesReviewInput, type SeriesReviewReport } from "@/lib/services/series/review-series";
import { approveAppointments, type Checker } from "./approve-appointments";
import { rejectAppointments } from "./reject-appointments";

// Manual review by an admin (console 预约审核, legacy /check/*): the approval and rejection rules of
// approve-appointments.ts / reject-appointments.ts, refused while auto-review is on, with the legacy answers of a
// review that changed nothing, and the bookers' messages sent at once (after the response) instead of at the next
// maintenance run.

const checkerOf = (admin: SessionAdmin): Checker => ({ adminId: admin.id, name: admin.username });

/** Approves pending bookings (first come, first served). Nothing approved: 2005 (legacy "通过预约失败"). */
export async function approveAsAdmin(admin: SessionAdmin, ids: number[]): Promise<void> {
  requireAdmin(admin);
  const report = await approveAppointments(ids, checkerOf(admin), { manual: true });
  kickOutbox(); // cascaded rejections may have written messages even when nothing was approved
  if (report.approved === 0) throw new AppError(E.APPROVE_FAILED);
}

/** Rejects pending bookings with a reason. Nothing rejected: 2004 (legacy "退回预约失败"). */
export async function rejectAsAdmin(admin: SessionAdmin, ids: number[], reason: string): Promise<void> {
  requireAdmin(admin);
  const rejected = await rejectAppointments(ids, reason, checkerOf(admin), { manual: true });
  kickOutbox();
  if (rejected.length === 0) throw new AppError(E.REJECT_FAILED);
}

/** Reviews a recurring series as one (or some of its dates); a rejection needs a reason. */
export async function reviewSeriesAsAdmin(admin: SessionAdmin, input: SeriesReviewInput): Promise<SeriesReviewReport> {
  requireAdmin(admin);
  if (input.action === "reject" && !input.reason?.trim()) throw badInput("checkInfo", "不能为空");
  const report = await reviewSeries(input, checkerOf(admin));
  kickOutbox();
  return report;
}
