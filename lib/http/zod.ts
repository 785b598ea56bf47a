import "server-only";
import type { z } from "zod";

const REASONS: Partial<Record<string, string>> = {
  invalid_type: "格式不正确",
  too_small: "超出范围",
  too_big: "超出范围",
  invalid_format: "格式不正确",
  invalid_value: "取值不合法",
  unrecognized_keys: "含有未知字段",
};

/**
 * The first problem of a zod error as (field, reason in Chinese). Pass the parsed input so that a missing or blank
 * value ("缺少参数") can be told from a malformed one: zod 4 issues do not carry the input by default.
 */
export function describeZodError(error: z.ZodError, input?: unknown): { field: string; why: string } {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join(".") || "body";
  if (!issue) return { field, why: "格式不正确" };
  if (issue.code === "invalid_type") {
    const value = input === undefined ? (issue as { input?: unknown }).input : valueAt(input, issue.path);
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return { field, why: "缺少参数" };
  }
  // Messages we wrote ourselves are Chinese; zod's defaults are English and replaced by a generic reason.
  const ours = /[\u4e00-\u9fff]/.test(issue.message);
  if (ours) return { field, why: issue.message };
  if (issue.code === "too_small" || issue.code === "too_big") {
    const i = issue as { minimum?: number | bigint; maximum?: number | bigint; origin?: string };
    const unit = i.origin === "string" ? "个字符" : "";
    if (issue.code === "too_small" && i.minimum !== undefined) return { field, why: `不能小于${i.minimum}${unit}` };
    if (issue.code === "too_big" && i.maximum !== undefined) return { field, why: `不能大于${i.maximum}${unit}` };
  }
  return { field, why: REASONS[issue.code] ?? "格式不正确" };
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    // A raw value that the schema split or coerced further (e.g. "1,x" → [1, NaN]) is judged as a whole.
    if (v === null || typeof v !== "object") return v;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return Array.isArray(v) && v.length === 1 ? v[0] : v;
}
