import { z } from "zod";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const text = z.preprocess((v) => first(v) ?? "", z.string());

/**
 * POST /login: anything missing is simply a failed sign-in (legacy 1002), so both default to "". Over-long values
 * are bad input (4002 naming the field) before any lookup or hashing.
 */
export const loginSchema = z.object({
  username: text.pipe(z.string().max(64, "不能超过64个字符")),
  password: text.pipe(z.string().max(128, "不能超过128个字符")),
});

/** POST /admin/password: the new password (the same rule as when an admin is created). */
export const changePasswordSchema = z.object({
  password: z.preprocess(first, z.string({ error: "缺少参数" }).min(8, "不能少于8个字符").max(128, "不能超过128个字符")),
});

/** POST /auth/demo */
export const demoSignInSchema = z.object({
  userid: z.preprocess(first, z.string({ error: "缺少参数" }).min(1, "不能为空")),
  next: z.preprocess(first, z.string().optional()),
});

/** GET|POST /jssdk */
export const jssdkSchema = z.object({
  url: z.preprocess(first, z.string({ error: "缺少参数" }).min(1, "不能为空").max(2048, "不能超过2048个字符")),
});
