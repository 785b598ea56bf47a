// GET /api/admin/reports/export?from=&to=&kind=figures|bookings – the report or its bookings as xlsx
import { legacyRoute } from "@/lib/http/legacy";
import { exportReportBookings, exportReportFigures } from "@/lib/services/reports/export-report";
import { XLSX_TYPE } from "@/lib/services/rooms-sheet/sheet-format";
import { reportSchema } from "@/lib/validation/console";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin", schema: reportSchema }, async ({ admin, input }) => {
  const bytes = input.kind === "bookings" ? await exportReportBookings(admin, input) : await exportReportFigures(admin, input);
  const name = `${input.kind === "bookings" ? "bookings" : "report"}-${input.from}-${input.to}.xlsx`;
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": XLSX_TYPE, "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
});
