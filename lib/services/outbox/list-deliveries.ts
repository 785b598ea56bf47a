import "server-only";
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { outbox } from "@/lib/db/schema";

export type DeliveryStatus = "pending" | "failed" | "delivered";

export interface DeliveryRow {
  id: number;
  topic: string;
  orderingKey: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  /** Who it is for, when the topic says (a WeCom message's `touser`). */
  recipient: string | null;
  payload: unknown;
}

/**
 * Outbox messages for the admin console: failed ones (gave up; last error kept) and pending ones (waiting or being
 * retried). Failed first-newest; pending oldest-first, the order they will be tried in.
 */
export async function listDeliveries(opts: { status: DeliveryStatus; topic?: string; page?: number; size?: number }) {
  const db = await getDb();
  const page = Math.max(1, opts.page ?? 1);
  const size = Math.min(100, Math.max(1, opts.size ?? 20));
  const where: SQL | undefined = and(eq(outbox.status, opts.status), opts.topic ? eq(outbox.topic, opts.topic) : undefined);
  const [{ total }] = await db.select({ total: count() }).from(outbox).where(where);
  const rows = await db
    .select()
    .from(outbox)
    .where(where)
    .orderBy(opts.status === "pending" ? asc(outbox.id) : desc(outbox.id))
    .limit(size)
    .offset((page - 1) * size);
  const data: DeliveryRow[] = rows.map((r) => ({
    id: r.id,
    topic: r.topic,
    orderingKey: r.orderingKey,
    status: r.status as DeliveryStatus,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    lastError: r.lastError,
    createdAt: r.createdAt,
    deliveredAt: r.deliveredAt,
    recipient: typeof (r.payload as { touser?: unknown })?.touser === "string" ? (r.payload as { touser: string }).touser : null,
    payload: r.payload,
  }));
  return { total, data };
}
