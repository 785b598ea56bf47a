import { z } from "zod";
import { toList, type ParamValue } from "@/lib/http/params";

// Building blocks for the legacy parameter schemas. Values arrive as strings (query, form) or string arrays;
// an empty string counts as missing, as the legacy binding does for numbers.

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** A whole number parameter. */
export const intParam = () =>
  z.preprocess((v) => blankToUndefined(firstOf(v)), z.coerce.number({ error: "必须是整数" }).int("必须是整数"));

/** A 64-bit millisecond timestamp (legacy `long`). */
export const millisParam = () =>
  z.preprocess(
    (v) => blankToUndefined(firstOf(v)),
    z.coerce.number({ error: "必须是毫秒时间戳" }).int("必须是毫秒时间戳").min(0, "不能为负数").max(8.64e15, "超出范围"),
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
    z.array(z.coerce.number({ error: "必须是整数" }).int("必须是整数"), { error: "缺少参数" }),
  );

/** An array of strings: repeated keys or one comma-separated value. */
export const stringListParam = () =>
  z.preprocess((v) => toList(v as ParamValue | undefined), z.array(z.string(), { error: "缺少参数" }));

/** A path segment that must be a positive id. */
export const idParam = () => z.coerce.number({ error: "必须是整数" }).int("必须是整数").positive("必须是正整数").max(2147483647, "超出范围");

/** A mainland mobile number (legacy rule ^1[3-9]\d{9}$). */
export const phoneSchema = z.string().regex(/^1[3-9]\d{9}$/, "手机号格式不正确");
