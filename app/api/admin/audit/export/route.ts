// GET /api/admin/audit/export – the filtered audit trail as xlsx (same filters and visibility as the page) (new)
import { legacyRoute } from "@/lib/http/legacy";
import { exportAuditLog } from "@/lib/services/audit/export-audit-log";
import { XLSX_TYPE } from "@/lib/services/rooms-sheet/sheet-format";
import { isoDateIn } from "@/lib/zoned-time";
import { zone } from "@/lib/time";
import { auditFilterSchema } from "@/lib/validation/audit";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin", schema: auditFilterSchema }, async ({ admin, input }) => {
  const { bytes } = await exportAuditLog(admin, input);
  const name = `audit-${isoDateIn(new Date(), zone())}.xlsx`;
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": XLSX_TYPE, "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
});
