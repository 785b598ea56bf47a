import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/lib/db";
import { settings } from "@/lib/db/schema";
import type { SeriesCaps } from "./expand-series";

/** The admin's caps on recurring bookings (settings, default 16 weeks and 100 occurrences). */
export async function getSeriesCaps(executor?: Db | Tx): Promise<SeriesCaps> {
  const db = executor ?? (await getDb());
  const [row] = await db.select({ w: settings.seriesMaxWeeks, n: settings.seriesMaxOccurrences }).from(settings).where(eq(settings.id, 1));
  return { maxWeeks: row?.w ?? 16, maxOccurrences: row?.n ?? 100 };
}
