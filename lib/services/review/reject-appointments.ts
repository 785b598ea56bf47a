import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, STATUS, users } from "@/lib/db/schema";
import { AppError, badInput } from "@/lib/errors";
import { CHECK_INFO } from "@/lib/services/booking/check-info";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { reviewerActor } from "@/lib/services/audit/summaries";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { getSettings } from "@/lib/services/settings/get-settings";
import type { Checker } from "./approve-appointments";
import { notifyBooker } from "./notify-booker";

/**
 * Rejects the listed bookings that are still pending, in one transaction, storing `<checker>：<reason>` once and
 * recording a message to each booker. Unknown ids: 2007 before anything changes. Returns the ids rejected (others
 * were not pending and are left alone). `manual`: refuse while auto-review is on (1009).
 */
export async function rejectAppointments(
  ids: number[],
  reason: string,
  checker: Checker,
  opts: { manual?: boolean; now?: Date; quiet?: boolean } = {},
): Promise<number[]> {
  const db = await getDb();
  if (opts.manual && (await getSettings(db)).autoReview) throw new AppError(1009);
  const text = reason.trim();
  if (text.length === 0) throw badInput("checkInfo", "不能为空");
  if (text.length > 200) throw badInput("checkInfo", "不能超过200个字符");
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const now = opts.now ?? new Date();
  const info = CHECK_INFO.rejected(checker.name, text);

  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: appointments.id, status: appointments.status, touser: users.userid })
      .from(appointments)
      .innerJoin(users, eq(users.id, appointments.userId))
      .where(inArray(appointments.id, unique))
      .orderBy(asc(appointments.submittedAt), asc(appointments.id))
      .for("update", { of: appointments });
    if (rows.length !== unique.length) throw new AppError(2007);
    const pending = rows.filter((r) => r.status === STATUS.PENDING);
    if (pending.length === 0) return [];
    await tx
      .update(appointments)
      .set({ status: STATUS.REJECTED, checkInfo: info, reviewedByAdminId: checker.adminId, reviewedBy: checker.name, reviewedAt: now, updatedAt: now })
      .where(and(inArray(appointments.id, pending.map((r) => r.id)), eq(appointments.status, STATUS.PENDING)));
    for (const r of pending) {
      if (!opts.quiet) await notifyBooker(tx, r.id, r.touser, `被退回\n审核信息：${info}`, now);
      await recordAudit(tx, {
        action: "booking.rejected",
        objectKind: "booking",
        objectId: r.id,
        actor: reviewerActor(checker),
        before: { status: "pending" },
        after: { status: "rejected", reason: text },
      });
    }
    await emitOpenEvent(tx, "book_update", pending.map((r) => r.id));
    return pending.map((r) => r.id);
  });
}
