import "server-only";
import { desc } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { SessionAdmin } from "@/lib/auth/session";
import { ACTION_LABELS, ACTOR_LABELS, CHANNEL_LABELS, label, OBJECT_LABELS } from "@/lib/audit-labels";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { formatDateTimeSeconds } from "@/lib/time";
import type { AuditFilterInput } from "@/lib/validation/audit";
import { auditWhere } from "./list-audit-log";

/** An export holds at most this many rows (newest first); narrow the filters for more. */
export const AUDIT_EXPORT_MAX = 50_000;

const json = (v: unknown) => (v == null ? "" : JSON.stringify(v));

/**
 * The audit trail as an xlsx workbook, with the same filters and the same visibility as the console page (an admin
 * who is not a super admin exports only their own actions). Generated per request, never stored.
 */
export async function exportAuditLog(viewer: SessionAdmin | null, filter: AuditFilterInput): Promise<{ bytes: Buffer; rows: number; truncated: boolean }> {
  const where = auditWhere(viewer, filter);
  const db = await getDb();
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_EXPORT_MAX + 1);
  const truncated = rows.length > AUDIT_EXPORT_MAX;

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("操作日志");
  ws.columns = [
    { header: "时间", key: "at", width: 20 },
    { header: "操作人类型", key: "actorKind", width: 10 },
    { header: "操作人ID", key: "actorId", width: 12 },
    { header: "操作人", key: "actorName", width: 16 },
    { header: "操作", key: "action", width: 20 },
    { header: "操作代码", key: "actionCode", width: 24 },
    { header: "对象类型", key: "objectKind", width: 12 },
    { header: "对象ID", key: "objectId", width: 12 },
    { header: "渠道", key: "channel", width: 10 },
    { header: "客户端地址", key: "clientAddress", width: 16 },
    { header: "User-Agent", key: "userAgent", width: 30 },
    { header: "变更前", key: "before", width: 40 },
    { header: "变更后", key: "after", width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  for (const r of rows.slice(0, AUDIT_EXPORT_MAX)) {
    ws.addRow({
      at: formatDateTimeSeconds(r.at),
      actorKind: label(ACTOR_LABELS, r.actorKind),
      actorId: r.actorId ?? "",
      actorName: r.actorName ?? "",
      action: label(ACTION_LABELS, r.action),
      actionCode: r.action,
      objectKind: label(OBJECT_LABELS, r.objectKind),
      objectId: r.objectId ?? "",
      channel: label(CHANNEL_LABELS, r.channel),
      clientAddress: r.clientAddress ?? "",
      userAgent: r.userAgent ?? "",
      before: json(r.before),
      after: json(r.after),
    });
  }
  if (truncated) ws.addRow({ at: `仅导出最新 ${AUDIT_EXPORT_MAX} 条，请缩小筛选范围` });
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), rows: Math.min(rows.length, AUDIT_EXPORT_MAX), truncated };
}
