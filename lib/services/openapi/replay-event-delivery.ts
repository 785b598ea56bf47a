import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { outbox } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";

/**
 * Sends a delivered or given-up event again (subscribers upsert by id, so a repeat is harmless), with a fresh budget
 * of tries. A message still pending is left to the normal retries.
 */
export async function replayEventDelivery(id: number, now = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(outbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, deliveredAt: null })
      .where(and(eq(outbox.id, id), eq(outbox.topic, "openapi.event"), inArray(outbox.status, ["delivered", "failed"])))
      .returning({ id: outbox.id });
    if (rows.length === 0) throw notFound("id", "可重放的推送记录");
    await recordAudit(tx, { action: "delivery.replayed", objectKind: "delivery", objectId: id, after: { status: "pending" } });
    return rows[0].id;
  });
}
