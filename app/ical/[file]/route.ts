// GET /ical/{token}.ics – a person's calendar feed (secret address; subscribe with webcal://)
import { notFound } from "@/lib/errors";
import { icsName, icsResponse } from "@/lib/http/ics";
import { personalFeed } from "@/lib/services/ical/feeds";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const token = icsName((await ctx.params).file);
  return icsResponse(async () => {
    if (!token) throw notFound("token", "日历订阅");
    return personalFeed(token);
  });
}
