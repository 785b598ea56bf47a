import { z } from "zod";
import { intListParam, intParam, phoneSchema, stringListParam, stringParam } from "./common";

// Inputs of the recurring-booking endpoints (/api/series…, /api/admin/review/series). JSON or form bodies.

/** The repeat rules a series may use (lib/services/series/expand-series.ts expands each). */
export const SERIES_RULES = ["daily", "weekly", "biweekly", "weekdays", "dates"] as const;

const blank = (v: unknown) => {
  const f = Array.isArray(v) ? v[0] : v;
  return typeof f === "string" && f.trim() === "" ? undefined : v;
};
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const positiveInt = (max = 2147483647) => intParam().pipe(z.number().min(1, "必须是正整数").max(max, "超出范围"));
const date = () => stringParam().pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "必须是 yyyy-MM-dd"));
const dateList = () => stringListParam().pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "必须是 yyyy-MM-dd")).max(500, "日期过多"));

/** POST /api/series/preview: the pattern and the slot. */
export const seriesPreviewSchema = z.object({
  roomId: positiveInt(),
  rule: stringParam().pipe(z.enum(SERIES_RULES, { error: "必须是 daily、weekly、biweekly、weekdays 或 dates" })),
  firstDate: optional(date()).transform((v) => v ?? ""),
  untilDate: optional(date()),
  count: optional(positiveInt(100000)),
  weekdays: optional(intListParam().pipe(z.array(z.number().min(1, "必须是 1–7").max(7, "必须是 1–7")).max(7, "必须是 1–7"))),
  dates: optional(dateList()),
  /** Wall-clock start `HH:mm`. */
  start: stringParam().pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "必须是 HH:mm")),
  duration: intParam().pipe(z.number().min(1, "不能小于1分钟").max(1440, "不能大于1440分钟")),
  size: positiveInt(),
});
export type SeriesPreviewInput = z.infer<typeof seriesPreviewSchema>;

/** POST /api/series: the pattern, the booking's fields, and the dates the booker unticked. */
export const seriesSubmitSchema = seriesPreviewSchema.extend({
  phone: stringParam().pipe(phoneSchema),
  purpose: stringParam().pipe(z.string().min(1, "不能为空").max(100, "不能超过100个字符")),
  note: optional(stringParam().pipe(z.string().max(500, "不能超过500个字符"))),
  skip: optional(dateList()),
});
export type SeriesSubmitInput = z.infer<typeof seriesSubmitSchema>;

/** POST /api/series/{seriesId}/cancel. */
export const seriesCancelSchema = z.object({
  seriesId: positiveInt(),
  scope: stringParam().pipe(z.enum(["one", "following", "all"], { error: "必须是 one、following 或 all" })),
  appointId: optional(positiveInt()),
});

/** GET /api/series/{seriesId}. */
export const seriesIdSchema = z.object({ seriesId: positiveInt() });

/** POST /api/admin/review/series: approve or reject the whole series, or the listed dates (`ais`). */
export const seriesReviewSchema = z.object({
  seriesId: positiveInt(),
  action: stringParam().pipe(z.enum(["approve", "reject"], { error: "必须是 approve 或 reject" })),
  ais: optional(intListParam().pipe(z.array(z.number().min(1, "必须是正整数").max(2147483647)).max(1000, "一次最多1000条"))),
  checkInfo: optional(stringParam().pipe(z.string().max(200, "不能超过200个字符"))),
});

/** GET /api/rooms/pending: pending requests overlapping one slot of some rooms. */
export const pendingOverlapSchema = z.object({
  roomIds: intListParam().pipe(z.array(z.number().min(1, "必须是正整数").max(2147483647, "超出范围")).min(1, "缺少参数").max(200, "最多200个")),
  date: date(),
  start: stringParam().pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "必须是 HH:mm")),
  duration: intParam().pipe(z.number().min(1, "不能小于1分钟").max(1440, "不能大于1440分钟")),
});
