import { z } from "zod";
import { intParam, stringParam } from "./common";

// GET /api/rooms/availability: a campus-local day and wall-clock start, so that browsers never convert zones.

const blank = (v: unknown) => {
  const f = Array.isArray(v) ? v[0] : v;
  return typeof f === "string" && f.trim() === "" ? undefined : f;
};

export const availabilitySchema = z.object({
  /** 0 or absent = every open room. */
  roomId: z.preprocess(blank, intParam().pipe(z.number().min(0, "不能为负数").max(2147483647, "超出范围")).optional()).transform((v) => v ?? 0),
  /** `yyyy-MM-dd` in the campus zone. */
  date: stringParam().pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "必须是 yyyy-MM-dd")),
  /** `HH:mm`, optional. */
  start: z.preprocess(blank, stringParam().pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "必须是 HH:mm")).optional()),
  duration: intParam().pipe(z.number().min(1, "不能小于1分钟").max(1440, "不能大于1440分钟")),
  size: z.preprocess(blank, intParam().pipe(z.number().min(0, "不能为负数").max(100000, "超出范围")).optional()).transform((v) => v ?? 0),
  /** Filters: a building name; equipment names the room must all have (repeated or comma-separated). */
  building: z.preprocess(blank, stringParam().pipe(z.string().trim().max(64, "不能超过64个字符")).optional()),
  equipment: z.preprocess(
    (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(/[,，、]/)).map((x) => x.trim()).filter(Boolean)),
    z.array(z.string().max(16, "不能超过16个字符")).max(20, "最多20项").optional(),
  ),
});
export type AvailabilityInput = z.infer<typeof availabilitySchema>;
