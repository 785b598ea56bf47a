// GET /api/admin/rooms/{roomId}/poster?format=png|a4|a5 – the room's printable check-in code
import { z } from "zod";
import { legacyRoute } from "@/lib/http/legacy";
import { checkInPoster } from "@/lib/services/checkin/check-in-poster";
import { roomFactsSchema } from "@/lib/validation/room-facts";

export const dynamic = "force-dynamic";

const schema = z.object({
  roomId: roomFactsSchema.shape.roomId,
  format: z.enum(["png", "a4", "a5"], { error: "必须是 png、a4 或 a5" }).optional(),
});

export const GET = legacyRoute({ auth: "super", schema }, async ({ admin, input }) => {
  const p = await checkInPoster(admin, input.roomId, input.format ?? "png");
  return new Response(new Uint8Array(p.data), {
    headers: {
      "content-type": p.contentType,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(p.filename)}`,
      "cache-control": "no-store",
    },
  });
});
