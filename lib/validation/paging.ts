import { z } from "zod";
import { strictInt } from "./common";

// Layui paging. Missing or empty values take the layui defaults; a given page or size outside its range is refused
// with 4002 naming the field (issue 11 §1.5: refused, not clamped — the legacy `size=0` "every row" is gone from the
// HTTP interface). A page past the end is the last page (that depends on the data, not on the parameter).

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 10;

const blankToUndefined = (v: unknown) => {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" && first.trim() === "" ? undefined : first;
};

const pageNumber = () => z.number({ error: "必须是整数" }).int("必须是整数").min(1, "不能小于1").max(2147483647, "超出范围");
const pageSize = () => z.number({ error: "必须是整数" }).int("必须是整数").min(1, "不能小于1").max(MAX_PAGE_SIZE, `不能大于${MAX_PAGE_SIZE}`);

export const pageParam = () => z.preprocess(blankToUndefined, strictInt("必须是整数", pageNumber()).optional());
export const sizeParam = () => z.preprocess(blankToUndefined, strictInt("必须是整数", pageSize()).optional());
/** Required forms (legacy primitive `int` parameters: /check/all). */
export const requiredPageParam = () => z.preprocess(blankToUndefined, strictInt("必须是整数", pageNumber()));
export const requiredSizeParam = () => z.preprocess(blankToUndefined, strictInt("必须是整数", pageSize()));

export const pagingSchema = z.object({ page: pageParam(), size: sizeParam() });
export type PagingInput = z.infer<typeof pagingSchema>;

export interface PageWindow {
  offset: number;
  /** null = every row (size 0). */
  limit: number | null;
}

/** Where the requested page lies once the total is known (services may still ask for size 0 = every row). */
export function pageWindow(total: number, input: PagingInput): PageWindow {
  const size = input.size ?? DEFAULT_PAGE_SIZE;
  if (size === 0) return { offset: 0, limit: null };
  const last = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(input.page ?? 1, 1), last);
  return { offset: (page - 1) * size, limit: size };
}
