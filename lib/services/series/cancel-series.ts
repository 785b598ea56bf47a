import "server-only";
import { and, asc, eq, gt, gte, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, appointmentSeries, STATUS } from "@/lib/db/schema";
import { AppError, badInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { CHECK_INFO } from "@/lib/services/booking/check-info";
import { CANCELLABLE_STATUSES } from "@/lib/services/booking/is-cancellable";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";

export type CancelScope = "one" | "following" | "all";

/**
 * The booker withdraws dates of a series: one date (`appointId`), that date and every later one, or all. Only
 * pending or approved dates that have not started change (the same conditional update as a single cancellation);
 * the rest are left alone. Unknown series, or someone else's: 2007. Nothing left to cancel: 2006. `userId` null: an
 * integrating app, which may cancel any series.
 */
export async function cancelSeries(
  seriesId: number,
  userId: number | null,
  scope: CancelScope,
  appointId?: number,
  now = new Date(),
): Promise<{ cancelled: number[] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [s] = await tx.select({ userId: appointmentSeries.userId }).from(appointmentSeries).where(eq(appointmentSeries.id, seriesId));
    if (!s || (userId !== null && s.userId !== userId)) throw new AppError(2007);
    let from: Date | null = null;
    if (scope !== "all") {
      if (!appointId) throw badInput("appointId", "缺少参数");
      const [a] = await tx
        .select({ startsAt: appointments.startsAt })
        .from(appointments)
        .where(and(eq(appointments.id, appointId), eq(appointments.seriesId, seriesId)));
      if (!a) throw new AppError(2007);
      from = a.startsAt;
    }
    const updated = await tx
      .update(appointments)
      .set({ status: STATUS.CANCELLED, checkInfo: CHECK_INFO.cancelled, updatedAt: sql`now()` })
      .where(
        and(
          eq(appointments.seriesId, seriesId),
          scope === "one" ? eq(appointments.id, appointId!) : scope === "following" ? gte(appointments.startsAt, from!) : undefined,
          inArray(appointments.status, [...CANCELLABLE_STATUSES]),
          gt(appointments.startsAt, now),
        ),
      )
      .returning({ id: appointments.id, startsAt: appointments.startsAt });
    if (updated.length === 0) throw new AppError(2006);
    const ids = updated.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).map((u) => u.id);
    await emitOpenEvent(tx, "book_cancel", ids);
    await recordAudit(tx, {
      action: "series.cancelled",
      objectKind: "series",
      objectId: seriesId,
      after: { scope, from: appointId ?? null, cancelled: ids },
      ...(userId !== null ? { actor: { kind: "user" as const, id: userId, name: null } } : {}),
    });
    return { cancelled: ids };
  });
}

/** Ids of a series' occurrences in date order (tests, review). */
export async function seriesOccurrenceIds(seriesId: number): Promise<number[]> {
  const db = await getDb();
  const rows = await db.select({ id: appointments.id }).from(appointments).where(eq(appointments.seriesId, seriesId)).orderBy(asc(appointments.startsAt));
  return rows.map((r) => r.id);
}
