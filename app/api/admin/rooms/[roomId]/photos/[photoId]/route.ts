// DELETE (or POST) /api/admin/rooms/{roomId}/photos/{photoId} – remove a photo
import { z } from "zod";
import { legacyRoute, ok } from "@/lib/http/legacy";
import { removeRoomPhoto } from "@/lib/services/rooms/photos/remove-room-photo";
import { roomFactsSchema } from "@/lib/validation/room-facts";

const schema = z.object({ roomId: roomFactsSchema.shape.roomId, photoId: roomFactsSchema.shape.roomId });

const handler = legacyRoute({ auth: "super", schema }, async ({ admin, input }) => {
  await removeRoomPhoto(admin, input.roomId, input.photoId);
  return ok();
});
export { handler as DELETE, handler as POST };
