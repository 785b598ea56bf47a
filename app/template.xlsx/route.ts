// GET /template.xlsx – the empty room spreadsheet (legacy static file, legacy-behaviour §2.2), generated from the same
// column definition as the room export so the two can never drift apart. Public: it holds no data.
import { roomsSheetTemplate } from "@/lib/services/rooms-sheet/export-rooms-sheet";
import { XLSX_TYPE } from "@/lib/services/rooms-sheet/sheet-format";

export async function GET() {
  return new Response(new Uint8Array(await roomsSheetTemplate()), {
    headers: {
      "content-type": XLSX_TYPE,
      "content-disposition": 'attachment; filename="template.xlsx"',
      "cache-control": "public, max-age=3600",
    },
  });
}
