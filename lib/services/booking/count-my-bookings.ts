import "server-only";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appointments } from "@/lib/db/schema";

/** How many of the caller's bookings are in each status (0–4), for the tabs of "my bookings". */
export async function countMyBookings(userId: number): Promise<Record<number, number>> {
  const db = await getDb();
  const rows = await db
    .select({ status: appointments.status, n: count() })
    .from(appointments)
    .where(eq(appointments.userId, userId))
    .groupBy(appointments.status);
  const out: Record<number, number> = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}
