import { z } from "zod";

// Building blocks for the legacy parameter schemas. Values arrive as strings (query, form) or string arrays;
// an empty string counts as missing, as the legacy binding does for numbers.

/** One parameter as lib/http/params.ts binds it: a string, repeated keys, or an uploaded file. */
export type ParamValue = string | string[] | File;

/** An array parameter: repeated keys, or one comma-separated value (items trimmed); `ais=` is an empty array. */
export function toList(v: ParamValue | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  if (v instanceof File) return undefined;
  const items = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const item of items) for (const part of item.split(",")) if (part.trim() !== "") out.push(part.trim());
  return out;
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The one place that turns a parameter into an integer. Decimal digits only, optionally signed, nothing around them:
 * JavaScript's Number() would also take `0x10`, `0b101`, `1e3`, ` 5` or `5.0`, which the legacy Java binding refused
 * (legacy-behaviour A3). Values too large to be exact are refused as well. Already-numbers (JSON) must be integers.
 */
export function toStrictInt(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isSafeInteger(v) ? v : undefined;
  if (typeof v !== "string" || !/^[+-]?\d{1,16}$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Preprocessor: a strict decimal integer (see toStrictInt), or a marker zod reports as malformed. */
export const intInput = (v: unknown) => (v === undefined || v === null ? v : (toStrictInt(v) ?? Symbol.for("not-an-integer")));

/** A strict decimal integer schema; `inner` adds bounds (defaults to any integer). */
export const strictInt = <T extends z.ZodType = z.ZodNumber>(message = "必须是整数", inner?: T) =>
  z.preprocess(intInput, (inner ?? z.number({ error: message }).int(message)) as T);

/** A whole number parameter. */
export const intParam = () => z.preprocess((v) => blankToUndefined(firstOf(v)), strictInt("必须是整数"));

/** A 64-bit millisecond timestamp (legacy `long`). */
export const millisParam = () =>
  z.preprocess(
    (v) => blankToUndefined(firstOf(v)),
    strictInt("必须是毫秒时间戳").pipe(z.number().min(0, "不能为负数").max(8.64e15, "超出范围")),
  );

/** A string parameter (trimmed); empty stays empty. */
export const stringParam = () => z.preprocess((v) => (typeof firstOf(v) === "string" ? String(firstOf(v)).trim() : firstOf(v)), z.string({ error: "缺少参数" }));

/** Legacy boolean: true/false/on/off/yes/no/1/0; missing or empty means false. */
export const boolParam = () =>
  z.preprocess((v) => {
    const s = blankToUndefined(firstOf(v));
    if (s === undefined) return false;
    const t = String(s).toLowerCase();
    if (["true", "on", "yes", "1"].includes(t)) return true;
    if (["false", "off", "no", "0"].includes(t)) return false;
    return s;
  }, z.boolean({ error: "必须是 true 或 false" }));

/** An array of whole numbers: repeated keys or one comma-separated value. */
export const intListParam = () =>
  z.preprocess(
    (v) => toList(v as ParamValue | undefined),
    z.array(strictInt("必须是整数"), { error: "缺少参数" }),
  );

/** An array of strings: repeated keys or one comma-separated value. */
export const stringListParam = () =>
  z.preprocess((v) => toList(v as ParamValue | undefined), z.array(z.string(), { error: "缺少参数" }));

/** A path segment that must be a positive id. */
export const idParam = () => strictInt("必须是整数").pipe(z.number().positive("必须是正整数").max(2147483647, "超出范围"));

/**
 * 联系电话 as campus people type it — one rule for the booking form, the profile, the legacy API and the Open API:
 * a mobile (11 digits starting with 1, `+86`/`86` optional: the legacy document's own example is `12345678900`), or a
 * landline with area code (`010-62781234`, `0571 8888 8888`) or without (`62781234`), optionally followed by an
 * extension (`转 123`, `-123`, `ext 123`, `#123`). Spaces and hyphens between digit groups are allowed; letters and
 * other characters are not. The value is stored as typed (trimmed, runs of spaces collapsed).
 */
const MOBILE = /^(?:\+?86[ -]?)?1\d{2}[ -]?\d{4}[ -]?\d{4}$/;
const LANDLINE = /^(?:(?:\+?86[ -]?)?(?:\(0\d{2,3}\)|0\d{2,3})[ -]?)?[2-9]\d{2,3}[ -]?\d{4}(?:[ ]*(?:转|分机|ext\.?|x|#|-)[ ]*\d{1,6})?$/i;
export const PHONE_MAX = 20;
export const PHONE_MESSAGE = "电话号码格式不正确（手机号，或带区号的座机号，可加分机号）";
export const isPhone = (s: string) => MOBILE.test(s) || LANDLINE.test(s);
const phoneText = (allowEmpty: boolean) =>
  z
    .string({ error: PHONE_MESSAGE })
    .transform((s) => s.trim().replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .max(PHONE_MAX, `不能超过${PHONE_MAX}个字符`)
        .refine((s) => (allowEmpty && s === "") || isPhone(s), PHONE_MESSAGE),
    );
/** A phone number (required). */
export const phoneSchema = phoneText(false);
/** A phone number, or "" (clears it: profile, Open API users). */
export const phoneOrEmptySchema = phoneText(true);
