// GET /ical/booking/{id}.ics – one booking as an .ics download (its booker or an admin, like the detail page)
import { getSessionAdmin, getSessionUser } from "@/lib/auth/session";
import { notFound } from "@/lib/errors";
import { icsResponse } from "@/lib/http/ics";
import { bookingIcs } from "@/lib/services/ical/feeds";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const m = /^(\d{1,9})\.ics$/.exec((await ctx.params).file);
  return icsResponse(
    async () => {
      if (!m) throw notFound("id", "预约");
      return bookingIcs({ user: await getSessionUser(), admin: await getSessionAdmin() }, Number(m[1]));
    },
    { filename: `booking-${m?.[1] ?? "0"}.ics` },
  );
}
