import "server-only";
import { and, count, desc, eq, gte, like, lt, or, sql, type SQL } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { auditLog, users } from "@/lib/db/schema";
import { AppError, badInput } from "@/lib/errors";
import { formatDateTimeSeconds, parseLocalDate, startOfNextLocalDay } from "@/lib/time";
import type { AuditFilterInput, AuditListInput } from "@/lib/validation/audit";

export interface AuditEntryView {
  id: number;
  at: string;
  /** `yyyy-MM-dd HH:mm:ss` in the campus time zone. */
  atText: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectKind: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  clientAddress: string | null;
  userAgent: string | null;
  channel: string;
}

export interface AuditPage {
  count: number;
  page: number;
  size: number;
  rows: AuditEntryView[];
  /** Whether the viewer sees everybody's actions (super admin) or only their own. */
  scope: "all" | "own";
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The WHERE of the audit trail for a viewer: a super admin sees every row; any other admin only the rows they
 * caused themselves (actor = that admin), whatever the filters ask for. Shared by the page and the export.
 */
export function auditWhere(viewer: SessionAdmin | null, f: AuditFilterInput): SQL | undefined {
  if (!viewer) throw new AppError(1005);
  const conds: (SQL | undefined)[] = [];
  if (!viewer.privileged) conds.push(and(eq(auditLog.actorKind, "admin"), eq(auditLog.actorId, String(viewer.id))));
  if (f.person) {
    const p = f.person;
    const pattern = `%${escapeLike(p)}%`;
    conds.push(
      or(
        eq(auditLog.actorId, p),
        sql`${auditLog.actorName} ilike ${pattern}`,
        // WeCom users are recorded by id and name; their userid (工号/学号) finds them too.
        and(
          eq(auditLog.actorKind, "user"),
          sql`${auditLog.actorId} in (select ${users.id}::text from ${users} where lower(${users.userid}) = lower(${p}))`,
        ),
      ),
    );
  }
  if (f.objectKind) conds.push(eq(auditLog.objectKind, f.objectKind));
  if (f.objectId) conds.push(eq(auditLog.objectId, f.objectId));
  if (f.action) conds.push(f.action.includes(".") ? eq(auditLog.action, f.action) : like(auditLog.action, `${f.action}.%`));
  if (f.channel) conds.push(eq(auditLog.channel, f.channel));
  const from = f.from ? parseLocalDate(f.from) : null;
  if (f.from && !from) throw badInput("from", "不是有效日期");
  const to = f.to ? parseLocalDate(f.to) : null;
  if (f.to && !to) throw badInput("to", "不是有效日期");
  if (from && to && to < from) throw badInput("to", "结束日期不能早于开始日期");
  if (from) conds.push(gte(auditLog.at, from));
  if (to) conds.push(lt(auditLog.at, startOfNextLocalDay(to)));
  return and(...conds);
}

export const toAuditView = (r: typeof auditLog.$inferSelect): AuditEntryView => ({
  ...r,
  at: r.at.toISOString(),
  atText: formatDateTimeSeconds(r.at),
});

/** One page of the audit trail, newest first, as the viewer may see it (console 操作日志). */
export async function listAuditLog(viewer: SessionAdmin | null, input: AuditListInput): Promise<AuditPage> {
  const where = auditWhere(viewer, input);
  const size = input.size ?? 20;
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(auditLog).where(where);
  // A page past the end answers the last page (as the console's other tables do).
  const page = Math.min(input.page ?? 1, Math.max(1, Math.ceil(n / size)));
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(size)
    .offset((page - 1) * size);
  return { count: n, page, size, rows: rows.map(toAuditView), scope: viewer!.privileged ? "all" : "own" };
}
