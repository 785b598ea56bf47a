import type { z } from "zod";

const REASONS: Partial<Record<string, string>> = {
  invalid_type: "格式不正确",
  too_small: "超出范围",
  too_big: "超出范围",
  invalid_format: "格式不正确",
  invalid_value: "取值不合法",
  unrecognized_keys: "含有未知字段",
};

/** The first problem of a zod error as (field, reason in Chinese). */
export function describeZodError(error: z.ZodError): { field: string; why: string } {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join(".") || "body";
  if (!issue) return { field, why: "格式不正确" };
  // A missing value: zod reports invalid_type with no input.
  if (issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined) return { field, why: "缺少参数" };
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
