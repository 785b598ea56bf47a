import { z } from "zod";

// The rules of POST /server/properties: the console's form checks them before sending, and
// lib/services/settings/update-settings.ts applies the same schema (answering 1003 / 1004 instead of per-field messages).

export const MAX_REVIEW_INTERVAL_MINUTES = 1440;
export const MAX_CLEAN_INTERVAL_DAYS = 3650;

const int = (min: number, max: number, what: string) =>
  z.number({ error: `${what}必须是整数` }).int(`${what}必须是整数`).min(min, `${what}不能小于${min}`).max(max, `${what}不能大于${max}`);

export const settingsFormSchema = z
  .object({
    sh: int(0, 23, "开放时间的小时"),
    sm: int(0, 59, "开放时间的分钟"),
    ch: int(0, 24, "关闭时间的小时"),
    cm: int(0, 59, "关闭时间的分钟"),
    check: z.boolean(),
    checkInterval: int(1, MAX_REVIEW_INTERVAL_MINUTES, "自动审核间隔"),
    clean: z.boolean(),
    cleanInterval: int(1, MAX_CLEAN_INTERVAL_DAYS, "清理周期"),
  })
  .refine((s) => s.ch < 24 || s.cm === 0, { path: ["ch"], message: "关闭时间最晚为 24:00" })
  .refine((s) => s.sh * 60 + s.sm < s.ch * 60 + s.cm, { path: ["ch"], message: "关闭时间必须晚于开放时间" });

export type SettingsForm = z.infer<typeof settingsFormSchema>;
