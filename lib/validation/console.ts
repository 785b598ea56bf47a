import { z } from "zod";
import { zone } from "@/lib/time";
import { localToEpoch } from "@/lib/zoned-time";
import { boolParam, intParam, millisParam, stringListParam, stringParam } from "./common";

// Parameters of the console's grid, closures, calendar and reports endpoints (/api/admin/…). Messages are for people.

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => {
  const f = first(v);
  return typeof f === "string" && f.trim() === "" ? undefined : f;
};
const optInt = (min: number, max: number, msg: string) =>
  z.preprocess(blank, z.coerce.number({ error: msg }).int(msg).min(min, msg).max(max, msg).optional());
const day = (msg: string) => z.preprocess(first, z.string({ error: msg }).regex(/^\d{4}-\d{2}-\d{2}$/, msg));
/** An instant: epoch ms, or campus-local `yyyy-MM-ddTHH:mm` (what <input type="datetime-local"> sends). */
const instant = (msg: string) =>
  z.preprocess((v) => {
    const f = blank(v);
    if (typeof f === "string") {
      const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(f.trim());
      if (m) return localToEpoch(m[1], m[2], zone()) ?? f;
    }
    return f;
  }, z.coerce.number({ error: msg }).int(msg).min(0, msg).max(8.64e15, msg));
const id = () => z.preprocess(first, z.coerce.number({ error: "缺少编号" }).int("缺少编号").positive("缺少编号").max(2147483647, "缺少编号"));
const text = (max: number, empty: string) => stringParam().pipe(z.string().min(1, empty).max(max, `最多 ${max} 个字`));

export const gridSchema = z.object({
  date: day("请选择日期"),
  view: z.preprocess((v) => blank(v) ?? "day", z.enum(["day", "week"], { error: "视图只能是日或周" })),
  page: optInt(1, 100000, "页码不正确"),
  size: optInt(1, 200, "每页数量为 1–200"),
  building: z.preprocess(first, z.string().optional()),
  minCapacity: optInt(0, 100000, "容纳人数须为整数"),
  equipment: z.preprocess((v) => (v === undefined || v === "" ? undefined : v), stringListParam().optional()),
  status: z.preprocess(blank, z.enum(["pending", "approved", "checkedin", "closed"], { error: "状态不正确" }).optional()),
  q: z.preprocess(first, z.string().max(64).optional()),
});

export const cancelBookingSchema = z.object({ id: id(), reason: text(100, "请填写取消原因") });

export const moveBookingSchema = z.object({
  id: id(),
  roomId: id(),
  start: instant("请选择新的开始时间"),
  duration: z.preprocess(first, z.coerce.number({ error: "请填写时长" }).int("时长须为整分钟").min(1, "时长至少 1 分钟").max(1440, "时长最多 24 小时")),
});

export const bookOnBehalfSchema = z.object({
  userId: z.preprocess(first, z.coerce.number({ error: "请选择预约人" }).int("请选择预约人").positive("请选择预约人")),
  roomId: id(),
  start: millisParam(),
  duration: z.preprocess(first, z.coerce.number({ error: "请填写时长" }).int("时长须为整分钟").min(1, "时长至少 1 分钟").max(1440, "时长最多 24 小时")),
  size: z.preprocess(first, z.coerce.number({ error: "请填写人数" }).int("请填写人数").min(1, "人数至少 1 人")),
  purpose: text(100, "请填写用途"),
  phone: z.preprocess(first, z.string().max(20).optional()),
});

export const roomOptionsSchema = z.object({
  q: z.preprocess(first, z.string().max(64, "搜索词太长").optional()),
  page: optInt(1, 100000, "页码不正确"),
  size: optInt(1, 50, "每页数量为 1–50"),
});

export const peopleSchema = z.object({ q: z.preprocess(first, z.string().max(64).default("")) });

export const closureSchema = z.object({
  scope: z.preprocess(first, z.enum(["room", "building", "all"], { error: "请选择关闭范围" })),
  roomId: optInt(1, 2147483647, "请选择会议室"),
  building: z.preprocess(first, z.string().max(64).optional()),
  start: instant("请选择开始时间"),
  end: instant("请选择结束时间"),
  reason: text(100, "请填写关闭原因"),
  repeatWeekly: boolParam(),
  repeatUntil: z.preprocess(blank, instant("重复截止时间不正确").optional()),
  cancelReason: z.preprocess(first, z.string().max(100).optional()),
});

export const closureIdSchema = z.object({ id: id() });
export const closureCancelSchema = z.object({ id: id(), reason: text(100, "请填写取消原因") });

export const termSchema = z.object({
  id: optInt(1, 2147483647, "编号不正确"),
  name: text(64, "请填写学期名称"),
  firstDay: day("请选择开学第一天"),
  weeks: z.preprocess(first, z.coerce.number({ error: "请填写周数" }).int("周数须为整数").min(1, "周数须为 1–40").max(40, "周数须为 1–40")),
});
export const holidaySchema = z.object({ name: text(64, "请填写假期名称"), firstDay: day("请选择开始日期"), lastDay: day("请选择结束日期") });
const hhmm = (msg: string) => z.preprocess(first, z.string({ error: msg }).regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, msg));
export const periodSchema = z.object({ id: optInt(1, 2147483647, "编号不正确"), name: text(32, "请填写节次名称"), start: hhmm("请填写上课时间"), end: hhmm("请填写下课时间") });
export const calendarRemoveSchema = z.object({ kind: z.preprocess(first, z.enum(["term", "holiday", "period"], { error: "类型不正确" })), id: id() });

export const calendarLabelsSchema = z.object({
  from: day("请选择日期"),
  days: z.preprocess((v) => blank(v) ?? "1", z.coerce.number({ error: "天数不正确" }).int("天数不正确").min(1, "天数不正确").max(62, "最多 62 天")),
});

export const reportSchema = z.object({
  from: day("请选择开始日期"),
  to: day("请选择结束日期"),
  kind: z.preprocess((v) => blank(v) ?? "figures", z.enum(["figures", "bookings"], { error: "导出类型不正确" })),
});

export { intParam };
