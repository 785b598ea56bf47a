import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { outbox } from "@/lib/db/schema";
import { recordAudit } from "@/lib/services/audit/record-audit";

/**
 * An admin sends failed messages again (after fixing what made them fail, e.g. the recipient's visibility): they go
 * back to pending with a fresh count of tries. Only failed messages are touched, so a delivered one is never resent.
 * Answers how many were requeued.
 */
export async function retryDelivery(ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(outbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: new Date() })
      .where(and(inArray(outbox.id, ids), eq(outbox.status, "failed")))
      .returning({ id: outbox.id, topic: outbox.topic });
    for (const r of rows) {
      await recordAudit(tx, { action: "delivery.retried", objectKind: "delivery", objectId: r.id, before: { status: "failed" }, after: { status: "pending", topic: r.topic } });
    }
    return rows.length;
  });
}
