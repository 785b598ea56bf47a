import type { z } from "zod";

/** First message per field of a failed safeParse: the same zod schema the server parses with. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    if (!out[key]) out[key] = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : "格式不正确";
  }
  return out;
}
