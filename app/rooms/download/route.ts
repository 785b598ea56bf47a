// GET /rooms/download[?template=1] – the room spreadsheet, generated per request (legacy RoomController#download).
// With the campus platform on, each export (not the template) is also kept in the platform's file center.
import { z } from "zod";
import { legacyRoute } from "@/lib/http/legacy";
import { archiveRoomsSheet } from "@/lib/services/campus/archive-export";
import { exportRoomsSheet } from "@/lib/services/rooms-sheet/export-rooms-sheet";
import { XLSX_TYPE } from "@/lib/services/rooms-sheet/sheet-format";
import { boolParam } from "@/lib/validation/common";

const schema = z.object({ template: boolParam() });
const html = { redirectUrl: "/meeting/admin", redirectMsg: "点击跳转" };

export const GET = legacyRoute({ auth: "super", schema, htmlErrors: html }, async ({ admin, input }) => {
  const bytes = await exportRoomsSheet(admin, { template: input.template });
  const name = input.template ? "template.xlsx" : "rooms.xlsx";
  const stored = input.template ? null : await archiveRoomsSheet(admin, bytes);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": XLSX_TYPE,
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
      ...(stored ? { "x-campus-file-id": stored.id } : {}),
    },
  });
});
