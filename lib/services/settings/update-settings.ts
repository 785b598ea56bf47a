import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { settings } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
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

// Upper bounds keep the values meaningful for the schedulers (a day between reviews, ten years of history).
const MAX_REVIEW_INTERVAL_MINUTES = 1440;
const MAX_CLEAN_INTERVAL_DAYS = 3650;

/**
 * Validates everything first and then writes the row once: the legacy applied the three groups one by one and
 * could leave a half-applied change behind. A missing number is 1003 (the legacy's null-value failure); a value
 * out of range is 1004.
 */
export async function updateSettings(input: SettingsInput): Promise<Settings> {
  const { sh, sm, ch, cm, checkInterval, cleanInterval } = input;
  if ([sh, sm, ch, cm, checkInterval, cleanInterval].some((v) => v === undefined || !Number.isInteger(v))) {
    throw new AppError(1003);
  }
  const openMinute = sh! * 60 + sm!;
  const closeMinute = ch! * 60 + cm!;
  const openValid = sh! >= 0 && sh! <= 23 && sm! >= 0 && sm! <= 59;
  // 24:00 is the only valid close with hour 24.
  const closeValid = ch! >= 0 && cm! >= 0 && cm! <= 59 && (ch! <= 23 || (ch === 24 && cm === 0));
  const windowValid = openValid && closeValid && openMinute < closeMinute;
  const reviewValid = checkInterval! >= 1 && checkInterval! <= MAX_REVIEW_INTERVAL_MINUTES;
  const cleanValid = cleanInterval! >= 1 && cleanInterval! <= MAX_CLEAN_INTERVAL_DAYS;
  if (!windowValid || !reviewValid || !cleanValid) throw new AppError(1004);

  const db = await getDb();
  await db
    .update(settings)
    .set({
      openMinute,
      closeMinute,
      autoReview: input.check,
      autoReviewInterval: checkInterval!,
      autoClean: input.clean,
      autoCleanInterval: cleanInterval!,
      updatedAt: sql`now()`,
    })
    .where(eq(settings.id, 1));
  return getSettings(db);
}
