// POST /api/admin/rooms/{roomId}/photos – add a photo (multipart `photo`; re-encoded; at most 6 per room)
import { z } from "zod";
import { legacyRoute, ok } from "@/lib/http/legacy";
import { addRoomPhoto } from "@/lib/services/rooms/photos/add-room-photo";
import { roomFactsSchema } from "@/lib/validation/room-facts";

const schema = z.object({ roomId: roomFactsSchema.shape.roomId, photo: z.instanceof(File, { error: "缺少图片文件" }) });

export const POST = legacyRoute({ auth: "super", schema }, async ({ admin, input }) =>
  ok({ photo: await addRoomPhoto(admin, input.roomId, Buffer.from(await input.photo.arrayBuffer())) }),
);
