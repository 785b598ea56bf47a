import { z } from "zod";

// Legacy PageHelper semantics (reasonable=true, page-size-zero=true): page < 1 is page 1, a page past the end is the
// last page, size 0 returns every row. Missing or empty values take the layui defaults.

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 10;

const blankToUndefined = (v: unknown) => {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" && first.trim() === "" ? undefined : first;
};

export const pageParam = () =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "必须是整数" }).int("必须是整数").max(2147483647, "超出范围").optional(),
  );

export const sizeParam = () =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "必须是整数" })
      .int("必须是整数")
      .min(0, "不能小于0")
      .max(MAX_PAGE_SIZE, `不能大于${MAX_PAGE_SIZE}`)
      .optional(),
  );

export const pagingSchema = z.object({ page: pageParam(), size: sizeParam() });
export type PagingInput = z.infer<typeof pagingSchema>;

export interface PageWindow {
  offset: number;
  /** null = every row (size 0). */
  limit: number | null;
}

/** Where the requested page lies once the total is known. */
export function pageWindow(total: number, input: PagingInput): PageWindow {
  const size = input.size ?? DEFAULT_PAGE_SIZE;
  if (size === 0) return { offset: 0, limit: null };
  const last = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(input.page ?? 1, 1), last);
  return { offset: (page - 1) * size, limit: size };
}
