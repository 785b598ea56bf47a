import { z } from "zod";
import { intListParam, intInput } from "./common";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => {
  const f = first(v);
  return typeof f === "string" && f.trim() === "" ? undefined : f;
};

/** GET /api/admin/deliveries: failed (default) or pending outbox messages, one page at a time. */
export const listDeliveriesSchema = z.object({
  status: z.preprocess(blank, z.enum(["failed", "pending"], { error: "必须是 failed 或 pending" }).default("failed")),
  page: z.preprocess(blank, z.preprocess(intInput, z.number({ error: "必须是整数" }).int("必须是整数").min(1, "不能小于1").max(100000, "超出范围")).optional()),
  size: z.preprocess(blank, z.preprocess(intInput, z.number({ error: "必须是整数" }).int("必须是整数").min(1, "不能小于1").max(100, "不能大于100")).optional()),
});

/** POST /api/admin/deliveries/retry: ids of failed messages to send again. */
export const retryDeliveriesSchema = z.object({
  ids: intListParam().pipe(z.array(z.number().int().positive("必须是正整数").max(Number.MAX_SAFE_INTEGER, "超出范围")).min(1, "不能为空").max(1000, "一次最多1000条")),
});
