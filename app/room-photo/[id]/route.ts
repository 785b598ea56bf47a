// GET /room-photo/{id} – a room photo (re-encoded JPEG from the file store)
import { storedImageResponse } from "@/lib/http/stored-image";
import { getRoomPhoto } from "@/lib/services/rooms/photos/get-room-photo";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const raw = (await ctx.params).id;
  return storedImageResponse(async () => (/^\d{1,10}$/.test(raw) ? getRoomPhoto(Number(raw)) : null));
}
