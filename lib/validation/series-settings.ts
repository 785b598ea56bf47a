import { z } from "zod";

// The admin's caps on recurring bookings (issue 13 §2): how many weeks a series may reach and how many dates it may
// hold. The console's form and POST /api/admin/series-settings parse with this one schema; the database checks the
// same ranges (settings_series_*_ck).

export const SERIES_MAX_WEEKS_LIMIT = 104;
export const SERIES_MAX_OCCURRENCES_LIMIT = 500;

const whole = (max: number) =>
  z.preprocess(
    (v) => {
      const f = Array.isArray(v) ? v[0] : v;
      return typeof f === "string" && f.trim() === "" ? undefined : f;
    },
    z.coerce
      .number({ error: "请填写整数" })
      .int("必须是整数")
      .min(1, "不能小于1")
      .max(max, `不能大于${max}`),
  );

export const seriesSettingsSchema = z.object({
  seriesMaxWeeks: whole(SERIES_MAX_WEEKS_LIMIT),
  seriesMaxOccurrences: whole(SERIES_MAX_OCCURRENCES_LIMIT),
});
export type SeriesSettingsInput = z.infer<typeof seriesSettingsSchema>;
