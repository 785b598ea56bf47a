// GET /api/admin/audit – the audit trail (操作日志), newest first, filtered and paged; own actions unless super admin (new)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { listAuditLog } from "@/lib/services/audit/list-audit-log";
import { auditListSchema } from "@/lib/validation/audit";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin", schema: auditListSchema }, async ({ admin, input }) =>
  ok(await listAuditLog(admin, input)),
);
