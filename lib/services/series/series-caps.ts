import "server-only";
import { eq, sql } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb, type Db, type Tx } from "@/lib/db";
import { settings } from "@/lib/db/schema";
import { requireSuper } from "@/lib/services/authz";
import { recordAudit } from "@/lib/services/audit/record-audit";
import type { SeriesSettingsInput } from "@/lib/validation/series-settings";
import type { SeriesCaps } from "./expand-series";
import { adminActor } from "@/lib/request-context";

/** The admin's caps on recurring bookings (settings, default 16 weeks and 100 occurrences). */
export async function getSeriesCaps(executor?: Db | Tx): Promise<SeriesCaps> {
  const db = executor ?? (await getDb());
  const [row] = await db.select({ w: settings.seriesMaxWeeks, n: settings.seriesMaxOccurrences }).from(settings).where(eq(settings.id, 1));
  return { maxWeeks: row?.w ?? 16, maxOccurrences: row?.n ?? 100 };
}

/**
 * Changes the caps (super admin; its own console endpoint, the legacy /server/properties shape stays as it was).
 * Series already booked keep their dates; the caps apply to the next preview and submission. Audited with before/after.
 */
export async function updateSeriesCaps(actor: SessionAdmin | null, input: SeriesSettingsInput): Promise<SeriesCaps> {
  requireSuper(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await getSeriesCaps(tx);
    await tx
      .update(settings)
      .set({ seriesMaxWeeks: input.seriesMaxWeeks, seriesMaxOccurrences: input.seriesMaxOccurrences, updatedAt: sql`now()` })
      .where(eq(settings.id, 1));
    const after = await getSeriesCaps(tx);
    await recordAudit(tx, {
      action: "settings.series_changed",
      objectKind: "settings",
      objectId: 1,
      before: { seriesMaxWeeks: before.maxWeeks, seriesMaxOccurrences: before.maxOccurrences },
      after: { seriesMaxWeeks: after.maxWeeks, seriesMaxOccurrences: after.maxOccurrences },
      actor: adminActor(actor),
    });
    return after;
  });
}
