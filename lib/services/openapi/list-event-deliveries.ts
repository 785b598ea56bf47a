import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { outbox } from "@/lib/db/schema";

/** The delivery log of the settings page: the latest Open API event pushes, newest first. */
export async function listEventDeliveries(limit = 100) {
  const db = await getDb();
  const rows = await db.select().from(outbox).where(eq(outbox.topic, "openapi.event")).orderBy(desc(outbox.id)).limit(limit);
  return rows.map((r) => {
    const p = r.payload as { credentialId?: number; event?: { event_type?: string; value?: unknown[] } };
    const first = p.event?.value?.[0];
    return {
      id: r.id,
      credentialId: p.credentialId ?? null,
      eventType: p.event?.event_type ?? "?",
      objectId: typeof first === "string" ? first : ((first as { id?: string } | undefined)?.id ?? ""),
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt,
      deliveredAt: r.deliveredAt,
      nextAttemptAt: r.nextAttemptAt,
    };
  });
}
