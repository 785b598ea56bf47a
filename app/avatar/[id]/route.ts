// GET /avatar/{id} – a stored avatar image (replaces the legacy static /avatar/<uuid><ext> files)
import { storedImageResponse } from "@/lib/http/stored-image";
import { getAvatar } from "@/lib/services/profile/get-avatar";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = (await ctx.params).id;
  return storedImageResponse(() => getAvatar(id));
}
