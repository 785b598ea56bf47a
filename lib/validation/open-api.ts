import { z } from "zod";
import { atLocalMinute, parseLocalDate } from "@/lib/time";
import { phoneOrEmptySchema } from "./common";

// Input builders for the Open API (integrations.md §3): JSON bodies from other systems, read leniently — numbers may
// arrive as numeric strings ("checkedState": "1"), ids as numbers — but a value of the wrong kind is a type mismatch
// (71008), a missing required value is 71005, anything else out of range is 71001 (lib/http/open.ts classifies).

const numeric = (v: unknown) => (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v);
const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

/** A text value; numbers are accepted as their text. */
export const oText = (max: number) =>
  z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().trim().max(max, `不能超过${max}个字符`));

/** A required text value: empty counts as missing. */
export const oRequiredText = (max: number) =>
  z.preprocess(
    (v) => blankToUndefined(typeof v === "number" ? String(v) : v),
    z.string().trim().min(1).max(max, `不能超过${max}个字符`),
  );

/** An id (string, or a number given as one). */
export const oId = z.preprocess(
  (v) => blankToUndefined(typeof v === "number" ? String(v) : v),
  z.string().trim().min(1).max(64, "不能超过64个字符"),
);

/** The issue message of an id that cannot match any row: lib/http/open.ts answers it as "not found" (71009–71013). */
export const NOT_FOUND_ISSUE = "不存在";

/** Our own serial ids: the Open API sends them as strings. Any other text cannot match a row: not found, not 71001. */
export const oSerialId = oId.pipe(z.string().regex(/^\d{1,9}$/, NOT_FOUND_ISSUE));

export const oInt = z.preprocess((v) => blankToUndefined(numeric(v)), z.number().int());
export const oNumber = z.preprocess((v) => blankToUndefined(numeric(v)), z.number().finite());
/** 0/1 flags; booleans are accepted. */
export const oFlag = z.preprocess(
  (v) => (typeof v === "boolean" ? (v ? 1 : 0) : blankToUndefined(numeric(v))),
  z.number().int().min(0, "只能是0或1").max(1, "只能是0或1"),
);
/** Epoch milliseconds. */
export const oMillis = z.preprocess((v) => blankToUndefined(numeric(v)), z.number().int().min(0).max(8_640_000_000_000));

/** "HH:mm" (room bookable hours; 24:00 allowed as a closing time). */
export const oHourMinute = z
  .string()
  .trim()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "应为HH:mm");

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

/** A list of ids: a JSON array (anything else, e.g. `"x"`, is a type mismatch, 71008). */
export const oIdList = z.array(oId).max(1000);

/** A phone number by the one rule (lib/validation/common.ts); empty clears it. */
export const oPhone = z.preprocess((v) => (typeof v === "number" ? String(v) : v), phoneOrEmptySchema);

/** `yyyy-MM-dd HH:mm:ss` (seconds optional) or `yyyy-MM-dd`, in the campus zone. */
export const oLocalDateTime = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
    const d = m && parseLocalDate(`${m[1]}-${m[2]}-${m[3]}`);
    const [h, mi, sec] = m ? [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)] : [0, 0, 0];
    if (!m || !d || h > 23 || mi > 59 || sec > 59) {
      ctx.addIssue({ code: "custom", message: "应为yyyy-MM-dd HH:mm:ss" });
      return z.NEVER;
    }
    return new Date(atLocalMinute(d, h * 60 + mi).getTime() + sec * 1000);
  });
