// GET /api/admin/room-options?q=&page=&size= – open rooms by place or building, paged: where a booking can be moved
import { legacyRoute, ok } from "@/lib/http/legacy";
import { listRoomOptions } from "@/lib/services/console/room-options";
import { roomOptionsSchema } from "@/lib/validation/console";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin", schema: roomOptionsSchema }, async ({ admin, input }) =>
  ok(await listRoomOptions(admin, { q: input.q, page: input.page ?? 1, size: input.size ?? 10 })),
);
