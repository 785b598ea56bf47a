// GET /api/admin/rooms – every room, or one page searchable by place; POST – add one (admin console, super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { addRoom } from "@/lib/services/rooms/write-room";
import { z } from "zod";
import { listAllRooms, listRoomsPage } from "@/lib/services/rooms/list-all-rooms";
import { addRoomSchema } from "@/lib/validation/room";

const pageSchema = z.object({
  page: z.preprocess(blank, z.coerce.number({ error: "页码不正确" }).int("页码不正确").min(1, "页码不正确").max(100000, "页码不正确").optional()),
  size: z.preprocess(blank, z.coerce.number({ error: "每页数量不正确" }).int("每页数量不正确").min(1, "每页数量不正确").max(200, "每页最多200条").optional()),
  q: z.preprocess(blank, z.string().max(64, "搜索词太长").optional()),
});

/** Without `page`: every room (the legacy shape); with `page` (and `size`, `q`): one page, searchable by place. */
export const GET = legacyRoute({ auth: "super", schema: pageSchema }, async ({ admin, input }) =>
  input.page === undefined && input.q === undefined
    ? ok({ rooms: await listAllRooms(admin) })
    : ok(await listRoomsPage(admin, { page: input.page ?? 1, size: input.size ?? 20, q: input.q })),
);

export const POST = legacyRoute({ auth: "super", schema: addRoomSchema }, async ({ admin, input }) =>
  ok({ room: await addRoom(admin, input) }),
);

function blank(v: unknown) {
  const f = Array.isArray(v) ? v[0] : v;
  return typeof f === "string" && f.trim() === "" ? undefined : f;
}
