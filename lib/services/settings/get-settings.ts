import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/lib/db";
import { settings } from "@/lib/db/schema";

export interface Settings {
  /** Minutes after local midnight; close may be 1440 (24:00). */
  openMinute: number;
  closeMinute: number;
  autoReview: boolean;
  /** Minutes. */
  autoReviewInterval: number;
  autoClean: boolean;
  /** Days. */
  autoCleanInterval: number;
}

/** The campus-wide settings row. Pass a transaction to read it consistently with the rest of a change. */
export async function getSettings(executor?: Db | Tx): Promise<Settings> {
  const db = executor ?? (await getDb());
  const [row] = await db.select().from(settings).where(eq(settings.id, 1));
  if (!row) throw new Error("settings row missing (ensureBaseData has not run)");
  return {
    openMinute: row.openMinute,
    closeMinute: row.closeMinute,
    autoReview: row.autoReview,
    autoReviewInterval: row.autoReviewInterval,
    autoClean: row.autoClean,
    autoCleanInterval: row.autoCleanInterval,
  };
}
