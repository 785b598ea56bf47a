import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db";
import { auditLog, users } from "@/lib/db/schema";
import { requestContext, type Actor, type Channel } from "@/lib/request-context";
import { mirrorAuditRow } from "@/lib/services/campus/operlog";

export interface AuditEntry {
  /** Dotted verb: `booking.submitted`, `booking.cancelled`, `room.closed`, `admin.added`, `settings.changed`, … */
  action: string;
  /** booking | room | admin | user | settings | credential | subscription | department | closure | … */
  objectKind: string;
  objectId?: string | number | null;
  /** Small summaries of the object before and after the change (never secrets or password hashes). */
  before?: unknown;
  after?: unknown;
  /** The caller as the service authorised it; defaults to the request context's actor, else `system`. */
  actor?: Actor;
  /** Defaults to the request context's channel, else `maintenance`. */
  channel?: Channel;
}

export type AuditRow = typeof auditLog.$inferSelect;

const cut = (s: string | null | undefined, n: number) => (s == null ? null : s.slice(0, n));

// Summaries are written by many services; whatever they pass, these never reach the log in clear.
const SECRET_KEY = /pass(word)?|secret|token|aes_?key|hash|credential_?value/i;

/** A JSON-safe copy of a summary with secret-looking keys masked (depth-limited: summaries are small). */
export function redact(value: unknown, depth = 0): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? String(value) : value;
  if (value instanceof Date) return value.toISOString();
  if (depth > 4) return "…";
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[k] = SECRET_KEY.test(k) && v !== null && v !== "" && typeof v !== "boolean" ? "***" : redact(v, depth + 1);
  }
  return out;
}

/**
 * The one way to write the audit trail: call it inside the transaction that makes the change, so the row exists if
 * and only if the change commits. Address, user agent and channel come from the request context (lib/request-context.ts).
 */
export async function recordAudit(tx: Tx | Db, entry: AuditEntry): Promise<AuditRow> {
  const [row] = await recordAudits(tx, [entry]);
  return row;
}

/** Several entries of one change (a batch review) in one statement; the same rules as recordAudit. */
export async function recordAudits(tx: Tx | Db, entries: AuditEntry[]): Promise<AuditRow[]> {
  if (entries.length === 0) return [];
  const ctx = requestContext();
  const names = new Map<string, string | null>();
  const values = [];
  for (const entry of entries) {
    const actor: Actor = entry.actor ?? ctx?.actor ?? { kind: "system", id: null, name: null };
    let actorName = actor.name;
    if (actorName == null && actor.kind === "user" && actor.id != null && Number.isSafeInteger(Number(actor.id))) {
      // Sessions carry only ids; the log shows who it was by name (and keeps it after the user is gone).
      const key = String(actor.id);
      if (!names.has(key)) {
        const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, Number(actor.id)));
        names.set(key, u?.name ?? null);
      }
      actorName = names.get(key) ?? null;
    }
    values.push({
      actorKind: actor.kind,
      actorId: actor.id == null ? null : String(actor.id).slice(0, 64),
      actorName: cut(actorName, 128),
      action: entry.action,
      objectKind: entry.objectKind,
      objectId: entry.objectId == null ? null : String(entry.objectId).slice(0, 64),
      before: entry.before == null ? null : redact(entry.before),
      after: entry.after == null ? null : redact(entry.after),
      clientAddress: cut(ctx?.clientAddress, 64),
      userAgent: cut(ctx?.userAgent, 512),
      channel: entry.channel ?? ctx?.channel ?? "maintenance",
    });
  }
  const rows = await tx.insert(auditLog).values(values).returning();
  // Mirrored to the campus platform's operation log when the integration is on (same transaction, via the outbox).
  for (const row of rows) await mirrorAuditRow(tx, row);
  return rows;
}
