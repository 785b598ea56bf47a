import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { settings } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { settingsFormSchema } from "@/lib/validation/settings";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { changedFields } from "@/lib/services/audit/summaries";
import { getSettings, type Settings } from "./get-settings";

/** The legacy /server/properties form: open `sh:sm`, close `ch:cm`, auto-review and auto-clean switches and intervals. */
export interface SettingsInput {
  sh?: number;
  sm?: number;
  ch?: number;
  cm?: number;
  check: boolean;
  checkInterval?: number;
  clean: boolean;
  cleanInterval?: number;
}

/**
 * Validates everything first (the same schema the console's form uses) and then writes the row once: the legacy
 * applied the three groups one by one and could leave a half-applied change behind. A missing number is 1003 (the
 * legacy's null-value failure); a value out of range is 1004.
 */
export async function updateSettings(input: SettingsInput): Promise<Settings> {
  const { sh, sm, ch, cm, checkInterval, cleanInterval } = input;
  if ([sh, sm, ch, cm, checkInterval, cleanInterval].some((v) => v === undefined || !Number.isInteger(v))) {
    throw new AppError(1003);
  }
  const parsed = settingsFormSchema.safeParse(input);
  if (!parsed.success) throw new AppError(1004);
  const v = parsed.data;
  const openMinute = v.sh * 60 + v.sm;
  const closeMinute = v.ch * 60 + v.cm;

  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await getSettings(tx);
    await tx
      .update(settings)
      .set({
        openMinute,
        closeMinute,
        autoReview: input.check,
        autoReviewInterval: v.checkInterval,
        autoClean: input.clean,
        autoCleanInterval: v.cleanInterval,
        updatedAt: sql`now()`,
      })
      .where(eq(settings.id, 1));
    const after = await getSettings(tx);
    await recordAudit(tx, { action: "settings.changed", objectKind: "settings", objectId: 1, ...changedFields({ ...before }, { ...after }) });
    return after;
  });
}
