// Reading the audit trail back in tests.
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { runWithRequestContext, type Actor, type Channel } from "@/lib/request-context";

export async function auditRows(filter: { action?: string; objectKind?: string; objectId?: string | number } = {}) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        filter.action ? eq(auditLog.action, filter.action) : undefined,
        filter.objectKind ? eq(auditLog.objectKind, filter.objectKind) : undefined,
        filter.objectId !== undefined ? eq(auditLog.objectId, String(filter.objectId)) : undefined,
      ),
    )
    .orderBy(asc(auditLog.id));
}

export async function auditCount() {
  return (await auditRows()).length;
}

/** Runs `fn` as a request through `channel` from a known address and user agent, as the adapters would. */
export function asRequest<T>(channel: Channel, actor: Actor | undefined, fn: () => Promise<T>): Promise<T> {
  return runWithRequestContext({ channel, clientAddress: "198.51.100.7", userAgent: "audit-test/1.0", actor }, fn);
}

export const errOf = (p: Promise<unknown>) => p.then(() => null, (e: { code?: number }) => e?.code ?? e);
