import { z } from "zod";

// GET /api/admin/audit and /api/admin/audit/export: the console's 操作日志 filters (one schema for both, and the
// page's form). Dates are campus-local days, inclusive.

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => {
  const f = first(v);
  if (typeof f !== "string") return f;
  const t = f.trim();
  return t === "" ? undefined : t;
};
const text = (max: number) => z.preprocess(blank, z.string().max(max, `不能超过${max}个字符`).optional());
const day = () => z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 yyyy-MM-dd").optional());

export const AUDIT_CHANNELS = ["page", "legacy", "openapi", "console", "maintenance"] as const;

export const auditFilterSchema = z.object({
  /** Actor name or id (an admin's username, a user's name or WeCom userid, an app's appkey). */
  person: text(64),
  objectKind: z.preprocess(blank, z.string().regex(/^[a-z_]{1,32}$/, "对象类型无效").optional()),
  objectId: text(64),
  /** A whole action (`booking.approved`) or a family (`booking`). */
  action: z.preprocess(blank, z.string().regex(/^[a-z_]{1,32}(\.[a-z_]{1,31})?$/, "操作类型无效").optional()),
  channel: z.preprocess(blank, z.enum(AUDIT_CHANNELS, { error: "渠道无效" }).optional()),
  from: day(),
  to: day(),
});

export const auditListSchema = auditFilterSchema.extend({
  page: z.preprocess(blank, z.coerce.number({ error: "必须是整数" }).int("必须是整数").min(1, "不能小于1").max(100000, "超出范围").optional()),
  size: z.preprocess(blank, z.coerce.number({ error: "必须是整数" }).int("必须是整数").min(1, "不能小于1").max(100, "不能大于100").optional()),
});

export type AuditFilterInput = z.infer<typeof auditFilterSchema>;
export type AuditListInput = z.infer<typeof auditListSchema>;
