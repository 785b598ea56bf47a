import { z } from "zod";
import { intInput } from "./common";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => {
  const f = first(v);
  return typeof f === "string" && f.trim() === "" ? undefined : f;
};

/** GET /api/admin/review: the pending queue, oldest first, optionally narrowed to a room and a meeting date. */
export const reviewQueueSchema = z.object({
  page: z.preprocess(blank, z.preprocess(intInput, z.number({ error: "必须是整数" }).int("必须是整数").min(1, "不能小于1").max(100000, "超出范围")).optional()),
  size: z.preprocess(blank, z.preprocess(intInput, z.number({ error: "必须是整数" }).int("必须是整数").min(1, "不能小于1").max(200, "不能大于200")).optional()),
  roomId: z.preprocess(blank, z.preprocess(intInput, z.number({ error: "必须是整数" }).int("必须是整数").positive("必须是正整数").max(2147483647, "超出范围")).optional()),
  date: z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 yyyy-MM-dd").optional()),
});

export type ReviewQueueInput = z.infer<typeof reviewQueueSchema>;
