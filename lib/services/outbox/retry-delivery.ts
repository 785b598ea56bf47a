import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { outbox } from "@/lib/db/schema";

/**
 * An admin sends failed messages again (after fixing what made them fail, e.g. the recipient's visibility): they go
 * back to pending with a fresh count of tries. Only failed messages are touched, so a delivered one is never resent.
 * Answers how many were requeued.
 */
export async function retryDelivery(ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const db = await getDb();
  const rows = await db
    .update(outbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: new Date() })
    .where(and(inArray(outbox.id, ids), eq(outbox.status, "failed")))
    .returning({ id: outbox.id });
  return rows.length;
}
