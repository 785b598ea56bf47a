import "server-only";
import { campusEnabled } from "@/lib/clients/campus/config";
import { platformDateTime } from "@/lib/clients/campus/read";
import type { OperlogInput } from "@/lib/clients/campus/api";
import type { Db, Tx } from "@/lib/db";
import type { auditLog } from "@/lib/db/schema";
import { enqueue } from "@/lib/outbox/enqueue";
import { requestContext } from "@/lib/request-context";

// Every audit_log row mirrored to the platform's operation log (POST /operlog, seed 002 §3.7.1), through the outbox
// in the audit row's own transaction: it reaches the platform if and only if the change committed, once.

/** businessType from the action's verb: 1 add, 2 update, 3 delete, 4 grant, 5 export, 6 import, 0 other. */
export function businessTypeOf(action: string): number {
  const verb = action.slice(action.indexOf(".") + 1).toLowerCase();
  if (/export|download/.test(verb)) return 5;
  if (/import|upload|applied|sheet/.test(verb)) return 6;
  if (/grant|privileg|promot|demot|revok|role/.test(verb)) return 4;
  if (/sign_in|login|logout|failed/.test(verb)) return 0;
  if (/delet|remov|cancel|purg|clean|revok/.test(verb)) return 3;
  if (/add|creat|submit|book|issu|regist|insert/.test(verb)) return 1;
  if (/updat|chang|edit|mov|approv|reject|review|set|renam|check|clos|open|finish|expir|releas|replay|retr|sav|sync/.test(verb)) return 2;
  return 0;
}

/** operatorType: 1 back office (console), 2 mobile (the WeCom pages), 0 other (Open API, maintenance). */
function operatorTypeOf(row: typeof auditLog.$inferSelect): number {
  if (row.channel === "console") return 1;
  if (row.channel === "page") return 2;
  if (row.channel === "legacy") return row.actorKind === "admin" ? 1 : row.actorKind === "user" ? 2 : 0;
  return 0;
}

const json = (v: unknown, max: number) => {
  const s = JSON.stringify(v ?? null);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

export function toOperlog(row: typeof auditLog.$inferSelect): OperlogInput {
  const ctx = requestContext() as (ReturnType<typeof requestContext> & { method?: string; path?: string; url?: string }) | undefined;
  const failed = /failed|refused|denied/.test(row.action);
  return {
    title: `会议室预约·${row.objectKind}`,
    businessType: businessTypeOf(row.action),
    method: row.action,
    requestMethod: ctx?.method ?? "",
    operatorType: operatorTypeOf(row),
    operName: (row.actorName ?? row.actorId ?? row.actorKind).slice(0, 64),
    operNick: row.actorName ?? undefined,
    operUrl: ctx?.path ?? ctx?.url ?? `/${row.channel}`,
    operIp: row.clientAddress ?? "",
    operParam: json({ object: row.objectKind, id: row.objectId, before: row.before, after: row.after }, 2000),
    jsonResult: json({ auditId: row.id }, 200),
    status: failed ? 1 : 0,
    errorMsg: failed ? row.action : "",
    operTime: platformDateTime(row.at),
  };
}

/** Called by recordAudit inside the audit row's transaction. */
export async function mirrorAuditRow(tx: Tx | Db, row: typeof auditLog.$inferSelect) {
  if (!campusEnabled()) return;
  await enqueue(tx, { topic: "campus.call", payload: { op: "operlog", auditId: row.id, log: { ...toOperlog(row) } } });
}
