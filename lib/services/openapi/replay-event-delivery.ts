import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { outbox } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

/**
 * Sends a delivered or given-up event again (subscribers upsert by id, so a repeat is harmless), with a fresh budget
 * of tries. A message still pending is left to the normal retries.
 */
export async function replayEventDelivery(id: number, now = new Date()) {
  const db = await getDb();
  const rows = await db
    .update(outbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, deliveredAt: null })
    .where(and(eq(outbox.id, id), eq(outbox.topic, "openapi.event"), inArray(outbox.status, ["delivered", "failed"])))
    .returning({ id: outbox.id });
  if (rows.length === 0) throw notFound("id", "可重放的推送记录");
  return rows[0].id;
}
