import { z } from "zod";
import { boolParam, intListParam, intParam, millisParam, phoneSchema, stringParam } from "./common";
import { requiredPageParam, requiredSizeParam } from "./paging";

// Inputs of the booking endpoints (legacy-behaviour §3.3–3.7 with the A4 validation). One schema per input.

/** Instants beyond this are refused: far-future dates cannot be stored or formatted reliably. */
const MAX_MILLIS = Date.UTC(2100, 0, 1);
const instant = () => millisParam().pipe(z.number().max(MAX_MILLIS, "超出范围"));
const nonNegativeInt = (max = 2147483647) => intParam().pipe(z.number().min(0, "不能为负数").max(max, "超出范围"));
const positiveInt = (max = 2147483647) => intParam().pipe(z.number().min(1, "必须是正整数").max(max, "超出范围"));
/** A parameter that may be missing or blank (legacy wrapper types bind blank numbers to null). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === "string" && first.trim() === "" ? undefined : v;
  }, schema.optional());
const minutes = () => intParam().pipe(z.number().min(1, "不能小于1分钟").max(1440, "不能大于1440分钟"));

/** POST /rooms: `time > 0` asks for that exact slot, otherwise any free window of `duration` on `date`'s day. */
export const roomSearchSchema = z.object({
  /** 0 = every open room. */
  roomId: nonNegativeInt(),
  date: instant(),
  // The API document marks `size` optional and leaves `time` out; the legacy page sends 0 for both when blank.
  time: optional(instant()).transform((v) => v ?? 0),
  duration: minutes(),
  size: optional(nonNegativeInt()).transform((v) => v ?? 0),
});
export type RoomSearchInput = z.infer<typeof roomSearchSchema>;

/** GET /room/periods (and POST /rooms carrying `type`): approved periods of a room that day, or all of them. */
export const roomPeriodsSchema = z.object({
  roomId: positiveInt(),
  type: stringParam().pipe(z.enum(["that", "all"], { error: "必须是 that 或 all" })),
  date: optional(instant()),
});
export type RoomPeriodsInput = z.infer<typeof roomPeriodsSchema>;

/** POST /appointment. */
export const appointmentSchema = z.object({
  roomId: positiveInt(),
  datetime: instant(),
  duration: minutes(),
  /** Participants. */
  size: positiveInt(),
  phone: stringParam().pipe(phoneSchema),
  purpose: stringParam().pipe(z.string().min(1, "不能为空").max(100, "不能超过100个字符")),
  note: optional(stringParam().pipe(z.string().max(500, "不能超过500个字符"))),
});
export type AppointmentInput = z.infer<typeof appointmentSchema>;

/** Path parameter of /appointment/cancel/{appointId}. */
export const appointIdSchema = z.object({ appointId: positiveInt() });

/** Path parameter of /history/{statusCode}: one of the five statuses 0–4 (anything else is 4002, issue 11 §1.5). */
export const historySchema = z.object({ statusCode: intParam().pipe(z.number().min(0, "必须是0到4").max(4, "必须是0到4")) });

/** Layui paging of /check/all (both required, as the legacy primitive `int`s): page ≥ 1, 1 ≤ size ≤ 1000. */
export const pageSchema = z.object({ page: requiredPageParam(), size: requiredSizeParam() });

/** `ais` of /check/approve and /check/reject: repeated keys or a comma list of appointment ids. */
export const appointIdsSchema = intListParam().pipe(z.array(z.number().min(1, "必须是正整数").max(2147483647), { error: "缺少参数" }).max(1000, "一次最多1000条"));

export const approveSchema = z.object({ ais: appointIdsSchema });
export const rejectSchema = z.object({
  ais: appointIdsSchema,
  checkInfo: stringParam().pipe(z.string().min(1, "不能为空").max(200, "不能超过200个字符")),
});

/** POST /server/properties. Missing numbers are the service's 1003, so they stay optional here. */
const optionalInt = () => optional(intParam());
export const settingsSchema = z.object({
  sh: optionalInt(),
  sm: optionalInt(),
  ch: optionalInt(),
  cm: optionalInt(),
  check: boolParam(),
  checkInterval: optionalInt(),
  clean: boolParam(),
  cleanInterval: optionalInt(),
});
