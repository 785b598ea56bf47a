import "server-only";
import { and, asc, eq, gte, lt } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { SessionAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { appointments, rooms, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time";
import { getReport, parseRange, type ReportRange, type UtilizationRow } from "./get-report";

const STATUS_TEXT: Record<number, string> = { 0: "已过期", 1: "已取消", 2: "审核中", 3: "已通过", 4: "已退回" };
const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);
const WEEK = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

/** The report's figures as a workbook: one sheet per table, the heat map as a 7×24 grid. */
export async function exportReportFigures(admin: SessionAdmin | null, range: ReportRange): Promise<Buffer> {
  const r = await getReport(admin, range);
  const wb = new ExcelJS.Workbook();
  const util = (name: string, rows: UtilizationRow[], head: string) => {
    const ws = wb.addWorksheet(name);
    ws.columns = [
      { header: head, key: "label", width: 28 },
      { header: "已通过时长（小时）", key: "hours", width: 18 },
      { header: "开放时长（小时）", key: "open", width: 18 },
      { header: "使用率", key: "ratio", width: 12 },
      { header: "预约数", key: "n", width: 10 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const x of rows) ws.addRow({ label: x.label, hours: +(x.bookedMinutes / 60).toFixed(2), open: +(x.openMinutes / 60).toFixed(2), ratio: pct(x.ratio), n: x.bookings });
  };
  const sum = wb.addWorksheet("概况");
  sum.columns = [{ header: "指标", key: "k", width: 28 }, { header: "数值", key: "v", width: 20 }];
  sum.getRow(1).font = { bold: true };
  sum.addRows([
    { k: "统计范围", v: `${r.from} 至 ${r.to}` },
    { k: "审核中", v: r.byStatus.pending },
    { k: "已通过（含已结束）", v: r.byStatus.approved },
    { k: "已退回", v: r.byStatus.rejected },
    { k: "已取消", v: r.byStatus.cancelled },
    { k: "过期未审核", v: r.byStatus.expiredUnreviewed },
    { k: "预约总数", v: r.byStatus.total },
    { k: "未签到释放", v: r.noShow.released },
    { k: "需签到的已通过预约", v: r.noShow.approvedWithCheckIn },
    { k: "爽约率", v: pct(r.noShow.rate) },
  ]);
  util("会议室使用率", r.rooms, "会议室");
  util("楼宇使用率", r.buildings, "楼宇");
  util("部门使用率", r.departments, "部门");
  const heat = wb.addWorksheet("时段热力图");
  heat.addRow(["", ...Array.from({ length: 24 }, (_, h) => `${h}时`)]).font = { bold: true };
  r.heatmap.forEach((row, i) => heat.addRow([WEEK[i], ...row.map((v) => (v === null ? "" : pct(v)))]));
  const c = wb.addWorksheet("取消最多的人");
  c.columns = [{ header: "工号", key: "userid", width: 16 }, { header: "姓名", key: "name", width: 16 }, { header: "取消次数", key: "count", width: 12 }];
  c.getRow(1).font = { bold: true };
  c.addRows(r.cancellations);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every booking starting in the range, one row each. */
export async function exportReportBookings(admin: SessionAdmin | null, range: ReportRange): Promise<Buffer> {
  if (!admin) throw new AppError(1005);
  const { from, end } = parseRange(range);
  const db = await getDb();
  const rows = await db
    .select({ a: appointments, place: rooms.place, building: rooms.building, name: users.name, userid: users.userid })
    .from(appointments)
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .innerJoin(users, eq(users.id, appointments.userId))
    .where(and(gte(appointments.startsAt, from), lt(appointments.startsAt, end)))
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("预约");
  ws.columns = [
    { header: "预约号", key: "id", width: 10 },
    { header: "楼宇", key: "building", width: 14 },
    { header: "会议室", key: "place", width: 22 },
    { header: "开始", key: "start", width: 18 },
    { header: "结束", key: "end", width: 18 },
    { header: "状态", key: "status", width: 10 },
    { header: "预约人", key: "name", width: 12 },
    { header: "工号", key: "userid", width: 14 },
    { header: "人数", key: "n", width: 8 },
    { header: "用途", key: "purpose", width: 30 },
    { header: "审核信息", key: "info", width: 30 },
    { header: "提交时间", key: "submitted", width: 18 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const { a, place, building, name, userid } of rows) {
    const status = a.status === 0 && a.expiredFrom !== null ? `${STATUS_TEXT[0]}（原${STATUS_TEXT[a.expiredFrom]}）` : STATUS_TEXT[a.status];
    ws.addRow({
      id: a.id,
      building,
      place,
      start: formatDateTime(a.startsAt),
      end: formatDateTime(a.endsAt),
      status,
      name,
      userid,
      n: a.participants,
      purpose: a.purpose,
      info: a.status === 0 ? (a.expiredCheckInfo ?? a.checkInfo) : a.checkInfo,
      submitted: formatDateTime(a.submittedAt),
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
