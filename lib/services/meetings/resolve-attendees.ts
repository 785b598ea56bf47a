import "server-only";
import { and, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import type { NewAttendee } from "@/lib/services/booking/submit-appointment";

export interface AttendanceInput {
  userId: string;
  name?: string;
  phone?: string;
  email?: string;
  faceUrl?: string;
}

/** Attendances of the Open API → attendee rows: every userId must be one of our users; blanks take the user's data. */
export async function resolveAttendees(db: Db | Tx, list: AttendanceInput[]): Promise<NewAttendee[]> {
  const seen = new Set<string>();
  const unique = list.filter((a) => (seen.has(a.userId) ? false : (seen.add(a.userId), true)));
  const ids = unique.map((a) => (/^\d{1,9}$/.test(a.userId) ? Number(a.userId) : NaN));
  if (ids.some(Number.isNaN)) throw notFound("attendances", "参会用户");
  const rows = ids.length ? await db.select().from(users).where(and(inArray(users.id, ids), isNull(users.removedAt))) : [];
  const byId = new Map(rows.map((u) => [u.id, u]));
  return unique.map((a, i) => {
    const u = byId.get(ids[i]);
    if (!u) throw notFound("attendances", `参会用户${a.userId}`);
    return {
      userId: u.id,
      name: a.name || u.name,
      phone: a.phone || u.phone || "",
      email: a.email || u.email || "",
      faceUrl: a.faceUrl || u.faceUrl,
    };
  });
}
