// GET /ical/room/{token}.ics – a room's calendar feed for admins (secret address from the console)
import { notFound } from "@/lib/errors";
import { icsName, icsResponse } from "@/lib/http/ics";
import { roomFeed } from "@/lib/services/ical/feeds";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const token = icsName((await ctx.params).file);
  return icsResponse(async () => {
    if (!token) throw notFound("token", "日历订阅");
    return roomFeed(token);
  });
}
