import "server-only";
import { and, eq, gt, lte } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, STATUS } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";

/** Open API meeting/finish: an approved meeting in progress ends now, freeing the rest of its period (else 2009). */
export async function finishMeeting(id: number, now = new Date()) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [m] = await tx.select({ id: appointments.id, endsAt: appointments.endsAt }).from(appointments).where(eq(appointments.id, id));
    if (!m) throw notFound("meetingId", "会议");
    const done = await tx
      .update(appointments)
      .set({ endsAt: now, finishedAt: now, updatedAt: now })
      .where(
        and(
          eq(appointments.id, id),
          eq(appointments.status, STATUS.APPROVED),
          lte(appointments.startsAt, now),
          gt(appointments.endsAt, now),
        ),
      )
      .returning({ id: appointments.id });
    if (done.length === 0) throw new AppError(2009);
    await emitOpenEvent(tx, "book_update", [id]);
    await recordAudit(tx, {
      action: "booking.finished",
      objectKind: "booking",
      objectId: id,
      before: { endsAt: m.endsAt.toISOString() },
      after: { endsAt: now.toISOString(), finished: true },
    });
  });
}
