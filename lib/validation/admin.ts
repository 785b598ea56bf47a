import { z } from "zod";
import { idParam, intListParam, stringListParam } from "./common";

/** The checker name of the auto-review run (check_info "自动审核：…"); no admin may carry it (legacy 1008). */
export const AUTO_REVIEWER = "自动审核";
export const RESERVED_ADMIN_NAME = AUTO_REVIEWER;
export const MAX_BATCH = 1000;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const trimmed = (v: unknown) => {
  const f = first(v);
  return typeof f === "string" ? f.trim() : f;
};
const blankToUndefined = (v: unknown) => {
  const f = first(v);
  return typeof f === "string" && f === "" ? undefined : f;
};

// WeCom userids are letters, digits and _ . @ -; QR sign-in matches an admin name against them, so the same
// characters (plus Chinese names for hand-made accounts) are allowed.
export const usernameSchema = z.preprocess(
  trimmed,
  z
    .string({ error: "缺少参数" })
    .min(1, "不能为空")
    .max(64, "不能超过64个字符")
    .regex(/^[\p{L}\p{N}_.@-]+$/u, "只能包含字母、数字、汉字和 _ . @ -"),
);

export const passwordSchema = z.string({ error: "缺少参数" }).min(8, "不能少于8个字符").max(128, "不能超过128个字符");

const privilegedValue = z
  .union([z.literal("0"), z.literal("1"), z.literal(0), z.literal(1)], { error: "必须是0或1" })
  .transform((v) => Number(v) === 1);
const blankPrivileged = (v: unknown) => {
  const f = trimmed(v);
  return f === "" ? undefined : f;
};
export const privilegedSchema = z.preprocess(blankPrivileged, privilegedValue);
const optionalPrivilegedSchema = z.preprocess(blankPrivileged, privilegedValue.optional());

export const addAdminSchema = z.object({
  username: usernameSchema,
  password: z.preprocess(first, passwordSchema),
  privileged: privilegedSchema,
});

export const batchAddAdminsSchema = z.object({
  userids: stringListParam().pipe(z.array(z.string().max(64, "单个userid不能超过64个字符")).max(MAX_BATCH, `一次最多${MAX_BATCH}个`)),
  privileged: privilegedSchema,
});

export const deleteAdminsSchema = z.object({
  ids: intListParam().pipe(z.array(z.number().int().positive("必须是正整数").max(2147483647, "超出范围")).max(MAX_BATCH, `一次最多${MAX_BATCH}个`)),
});

/** Edit by id: an empty password keeps the current one; privileged is ignored for one's own row. */
export const editAdminSchema = z.object({
  id: z.preprocess(first, idParam()),
  username: usernameSchema,
  password: z.preprocess(blankToUndefined, passwordSchema.optional()),
  privileged: optionalPrivilegedSchema,
});

export type AddAdminInput = z.infer<typeof addAdminSchema>;
export type BatchAddAdminsInput = z.infer<typeof batchAddAdminsSchema>;
export type DeleteAdminsInput = z.infer<typeof deleteAdminsSchema>;
export type EditAdminInput = z.infer<typeof editAdminSchema>;
