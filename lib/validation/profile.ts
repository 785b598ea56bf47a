import { z } from "zod";
import { intInput, phoneOrEmptySchema } from "./common";

// POST /profile. A field that is absent keeps its value; an empty gender or age means 0 (unset, as the legacy
// binding did); an empty phone or email clears it.

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const trimmed = (v: unknown) => {
  const f = first(v);
  return typeof f === "string" ? f.trim() : f;
};
const emptyToZero = (v: unknown) => {
  const f = trimmed(v);
  return f === "" ? 0 : f;
};

export const GENDER = { UNSET: 0, MALE: 1, FEMALE: 2 } as const;

export const updateProfileSchema = z.object({
  gender: z.preprocess(emptyToZero, z.preprocess(intInput, z.number({ error: "必须是整数" }).int("必须是整数").min(0, "必须是0、1或2").max(2, "必须是0、1或2")).optional()),
  age: z.preprocess(emptyToZero, z.preprocess(intInput, z.number({ error: "必须是整数" }).int("必须是整数").min(0, "不能小于0").max(150, "不能大于150")).optional()),
  phone: z.preprocess(trimmed, phoneOrEmptySchema.optional()),
  email: z.preprocess(
    trimmed,
    z
      .string({ error: "邮箱格式不正确" })
      .max(254, "不能超过254个字符")
      .refine((s) => s === "" || z.email().safeParse(s).success, "邮箱格式不正确")
      .optional(),
  ),
  avatar: z.preprocess(trimmed, z.string().max(1024, "不能超过1024个字符").optional()),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;
