import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, STATUS } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { statusName } from "@/lib/services/audit/summaries";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { CHECK_INFO } from "./check-info";
import { CANCELLABLE_STATUSES } from "./is-cancellable";

/**
 * The booker withdraws a pending or approved booking that has not started. Unknown id and someone else's booking
 * both answer 2007 (a caller cannot learn which ids exist); one's own booking in another status, or already
 * started: 2006, nothing changed. `userId` null: an integrating
 * app (Open API meeting/cancel), which may cancel any booking.
 */
export async function cancelAppointment(id: number, userId: number | null, now = new Date()): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: appointments.id, status: appointments.status })
      .from(appointments)
      .where(and(eq(appointments.id, id), userId === null ? undefined : eq(appointments.userId, userId)));
    if (!existing) throw new AppError(2007);
    // One conditional update: a concurrent review or expiry cannot slip between a check and the write.
    const updated = await tx
      .update(appointments)
      .set({ status: STATUS.CANCELLED, checkInfo: CHECK_INFO.cancelled, updatedAt: sql`now()` })
      .where(
        and(
          eq(appointments.id, id),
          userId === null ? undefined : eq(appointments.userId, userId),
          inArray(appointments.status, [...CANCELLABLE_STATUSES]),
          gt(appointments.startsAt, now),
        ),
      )
      .returning({ id: appointments.id });
    if (updated.length === 0) throw new AppError(2006);
    await emitOpenEvent(tx, "book_cancel", [id]);
    await recordAudit(tx, {
      action: "booking.cancelled",
      objectKind: "booking",
      objectId: id,
      before: { status: statusName(existing.status) },
      after: { status: "cancelled" },
    });
  });
}
