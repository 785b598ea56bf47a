// Issue 11 §1.2, §1.4, §1.5: the one parameter-binding place refuses what the legacy Java binding refused.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { badInput } from "@/lib/errors";
import { describeZodError } from "@/lib/http/zod";
import { appointmentSchema, historySchema, pageSchema, roomPeriodsSchema } from "./booking";
import { idParam, intParam, phoneSchema } from "./common";
import { oPhone } from "./open-api";
import { pageDate, pageId } from "./page-params";
import { pagingSchema } from "./paging";
import { updateProfileSchema } from "./profile";

/** What the legacy adapter does with a schema (lib/http/legacy.ts parseParams, without its Next.js imports). */
function parseParams<S extends z.ZodType>(schema: S, params: Record<string, unknown>): z.infer<S> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const { field, why } = describeZodError(parsed.error, params);
  throw badInput(field, why);
}

const errOf = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return { code: (e as { code: number }).code, message: (e as Error).message };
  }
};

describe("integers are decimal digits only", () => {
  it.each(["0x10", "0b101", "0o7", "1e3", " 5", "5 ", "5.0", "+", "１２", "Infinity", "99999999999999999999"])("refuses %j", (raw) => {
    expect(intParam().safeParse(raw).success).toBe(false);
    expect(idParam().safeParse(raw).success).toBe(false);
  });
  it("accepts plain decimals (signed for intParam) and JSON numbers", () => {
    expect(intParam().parse("42")).toBe(42);
    expect(intParam().parse("-3")).toBe(-3);
    expect(intParam().parse(7)).toBe(7);
    expect(idParam().parse("5")).toBe(5);
  });
  it("names the field with 4002 in the legacy binding", () => {
    expect(errOf(() => parseParams(roomPeriodsSchema, { roomId: "0x10", type: "all" }))).toEqual({
      code: 4002,
      message: "数据格式有误(roomId: 必须是整数)",
    });
    expect(errOf(() => parseParams(roomPeriodsSchema, { roomId: "0b101", type: "all" }))?.code).toBe(4002);
    expect(errOf(() => parseParams(roomPeriodsSchema, { roomId: " 5", type: "all" }))?.code).toBe(4002);
  });
});

describe("/history/{statusCode} is 0–4", () => {
  it.each(["16", "1000", "0x10", "1e3", "-1", "5"])("refuses %j with 4002 naming statusCode", (raw) => {
    expect(errOf(() => parseParams(historySchema, { statusCode: raw }))).toMatchObject({ code: 4002, message: expect.stringContaining("statusCode") });
  });
  it.each([0, 1, 2, 3, 4])("accepts %i", (n) => {
    expect(parseParams(historySchema, { statusCode: String(n) })).toEqual({ statusCode: n });
  });
});

describe("layui page/size are refused out of range, not clamped", () => {
  it.each([
    [{ page: "0" }, "page"],
    [{ page: "-1" }, "page"],
    [{ size: "0" }, "size"],
    [{ size: "1001" }, "size"],
    [{ page: "1e3" }, "page"],
    [{ size: "0x10" }, "size"],
  ])("%j → 4002 naming %s", (params, field) => {
    expect(errOf(() => parseParams(pagingSchema, params))).toMatchObject({ code: 4002, message: expect.stringContaining(`(${field}:`) });
    expect(errOf(() => parseParams(pageSchema, { page: "1", size: "10", ...params }))).toMatchObject({ code: 4002, message: expect.stringContaining(`(${field}:`) });
  });
  it("takes the defaults when absent and keeps 1..1000", () => {
    expect(parseParams(pagingSchema, {})).toEqual({});
    expect(parseParams(pagingSchema, { page: "3", size: "1000" })).toEqual({ page: 3, size: 1000 });
  });
});

describe("one phone rule", () => {
  const good = [
    "13800138000",
    "+8613800138000",
    "+86 138 0013 8000",
    "12345678900", // the legacy document's own example
    "010-62781234",
    "0571-8888 8888 转 123",
    "(010)62781234",
    "62781234",
    "010-62781234-8001",
    "0755-23456789 ext 12",
  ];
  const bad = ["abc", "1380013800a", "1234", "13800138000000000", "010-6278-12x4", "+1 555 123 4567", "<script>", "0000000", "1-2-3-4-5-6"];
  it.each(good)("accepts %j everywhere (form, profile, legacy API, Open API)", (p) => {
    expect(phoneSchema.safeParse(p).success).toBe(true);
    expect(updateProfileSchema.safeParse({ phone: p }).success).toBe(true);
    expect(oPhone.safeParse(p).success).toBe(true);
    const booking = appointmentSchema.safeParse({ roomId: "1", datetime: "1900000000000", duration: "60", size: "3", phone: p, purpose: "组会" });
    expect(booking.success).toBe(true);
  });
  it.each(bad)("refuses %j with 4002 naming phone", (p) => {
    expect(phoneSchema.safeParse(p).success).toBe(false);
    expect(oPhone.safeParse(p).success).toBe(false);
    expect(errOf(() => parseParams(updateProfileSchema, { phone: p }))).toMatchObject({ code: 4002, message: expect.stringContaining("(phone:") });
  });
  it("stores what was typed, trimmed and with single spaces", () => {
    expect(phoneSchema.parse("  0571-8888  8888 转 123 ")).toBe("0571-8888 8888 转 123");
  });
});

describe("page path segments", () => {
  it("broken percent-encoding is malformed, never an exception", () => {
    for (const raw of ["%E4%B8", "%ZZ", "%"]) {
      expect(pageId(raw)).toBeNull();
      expect(pageDate(raw)).toBeNull();
    }
  });
  it("a short number is no epoch-ms day (no trip to 1970)", () => {
    expect(pageDate("1")).toBeNull();
    expect(pageDate("1767225600000")?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(pageId("abc")).toBeNull();
    expect(pageId("0x10")).toBeNull();
  });
});
