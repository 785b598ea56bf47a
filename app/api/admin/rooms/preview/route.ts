// GET /api/admin/rooms/preview – what applying the pending room spreadsheet would change (admin console, super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { previewRoomsSheet } from "@/lib/services/rooms-sheet/preview-rooms-sheet";

export const GET = legacyRoute({ auth: "super" }, async ({ admin }) => ok({ preview: await previewRoomsSheet(admin) }));
