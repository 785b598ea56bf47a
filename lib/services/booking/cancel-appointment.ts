import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments, STATUS } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { CHECK_INFO } from "./check-info";

/**
 * The booker withdraws a pending or approved booking that has not started. Unknown id: 2007. Someone else's
 * booking, or one in another status, or one already started: 2006, nothing changed.
 */
export async function cancelAppointment(id: number, userId: number, now = new Date()): Promise<void> {
  const db = await getDb();
  const [existing] = await db.select({ id: appointments.id }).from(appointments).where(eq(appointments.id, id));
  if (!existing) throw new AppError(2007);
  // One conditional update: a concurrent review or expiry cannot slip between a check and the write.
  const updated = await db
    .update(appointments)
    .set({ status: STATUS.CANCELLED, checkInfo: CHECK_INFO.cancelled, updatedAt: sql`now()` })
    .where(
      and(
        eq(appointments.id, id),
        eq(appointments.userId, userId),
        inArray(appointments.status, [STATUS.PENDING, STATUS.APPROVED]),
        gt(appointments.startsAt, now),
      ),
    )
    .returning({ id: appointments.id });
  if (updated.length === 0) throw new AppError(2006);
}
