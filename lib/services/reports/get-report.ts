import "server-only";
import { sql } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { STATUS } from "@/lib/db/schema";
import { AppError, badInput } from "@/lib/errors";
import { CHECK_INFO } from "@/lib/services/booking/check-info";
import { getSettings } from "@/lib/services/settings/get-settings";
import { parseLocalDate, zone } from "@/lib/time";
import { addDays } from "@/lib/zoned-time";

/** check_info of an approved booking released because nobody checked in (the check-in feature writes it). */
export const NO_SHOW_INFO = "未签到，已自动释放";

export interface ReportRange {
  /** yyyy-MM-dd, inclusive */
  from: string;
  /** yyyy-MM-dd, inclusive */
  to: string;
}

export interface UtilizationRow {
  key: string;
  label: string;
  /** Approved minutes inside the range (clipped to it). */
  bookedMinutes: number;
  /** Bookable minutes of the range: open hours × days, summed over the rooms. */
  openMinutes: number;
  ratio: number;
  bookings: number;
}

export interface Report {
  from: string;
  to: string;
  days: number;
  rooms: UtilizationRow[];
  buildings: UtilizationRow[];
  departments: UtilizationRow[];
  /** [isoDow 1..7][hour 0..23]: approved minutes ÷ open room-minutes of that cell (null: closed at that hour). */
  heatmap: (number | null)[][];
  noShow: { released: number; approvedWithCheckIn: number; rate: number | null };
  /** Bookings starting in the range by status as it was decided (expired ones counted under their former status). */
  byStatus: { pending: number; approved: number; rejected: number; cancelled: number; expiredUnreviewed: number; total: number };
  busiest: UtilizationRow[];
  cancellations: { userid: string; name: string; count: number }[];
}

const MAX_DAYS = 400;

export function parseRange(r: ReportRange) {
  const from = parseLocalDate(r.from);
  const toDay = parseLocalDate(r.to);
  if (!from) throw badInput("from", "请选择开始日期");
  if (!toDay) throw badInput("to", "请选择结束日期");
  if (r.to < r.from) throw new AppError(4002, "结束日期不能早于开始日期", "to");
  const end = parseLocalDate(addDays(r.to, 1))!;
  const days = Math.round((Date.UTC(...ymd(r.to)) - Date.UTC(...ymd(r.from))) / 86_400_000) + 1;
  if (days > MAX_DAYS) throw new AppError(4002, `统计范围最长 ${MAX_DAYS} 天`, "to");
  return { from, end, days };
}

const ymd = (s: string): [number, number, number] => {
  const [y, m, d] = s.split("-").map(Number);
  return [y, m - 1, d];
};

/**
 * The console's reports over a whole date range, computed in SQL. "Approved" includes bookings that were approved
 * and have since ended (the expiry run keeps their former status in expired_from), so past weeks count.
 */
export async function getReport(admin: SessionAdmin | null, range: ReportRange): Promise<Report> {
  if (!admin) throw new AppError(1005);
  const { from, end, days } = parseRange(range);
  const db = await getDb();
  const tz = zone();
  const f = sql`${from.toISOString()}::timestamptz`;
  const e = sql`${end.toISOString()}::timestamptz`;
  const held = sql`(a.status = ${STATUS.APPROVED} or (a.status = ${STATUS.EXPIRED} and a.expired_from = ${STATUS.APPROVED}))`;
  const clipped = sql`extract(epoch from (least(a.ends_at, ${e}) - greatest(a.starts_at, ${f}))) / 60`;
  const settings = await getSettings(db);

  // Per room: approved minutes and bookings, with each room's open minutes per day (its own hours or the campus ones).
  const roomRows = rowsOf<{ id: number; place: string; building: string; dept: string | null; dept_name: string | null; open_per_day: number; minutes: string | null; n: string }>(
    await db.execute(sql`
      select r.id, r.place, r.building, r.department_id as dept, d.name as dept_name,
             coalesce(r.close_minute - r.open_minute, ${settings.closeMinute - settings.openMinute}) as open_per_day,
             coalesce(sum(${clipped}) filter (where a.id is not null), 0) as minutes,
             count(a.id) as n
        from rooms r
        left join departments d on d.id = r.department_id
        left join appointments a on a.room_id = r.id and ${held} and a.starts_at < ${e} and a.ends_at > ${f}
       where r.removed_at is null and (r.available or a.id is not null)
       group by r.id, d.name`),
  );
  const rooms: UtilizationRow[] = roomRows.map((r) => row(String(r.id), r.place, Number(r.minutes ?? 0), Number(r.open_per_day) * days, Number(r.n)));
  const group = (keyOf: (r: (typeof roomRows)[number]) => [string, string]) => {
    const m = new Map<string, UtilizationRow>();
    roomRows.forEach((r, i) => {
      const [key, label] = keyOf(r);
      const g = m.get(key) ?? row(key, label, 0, 0, 0);
      g.bookedMinutes += rooms[i].bookedMinutes;
      g.openMinutes += rooms[i].openMinutes;
      g.bookings += rooms[i].bookings;
      m.set(key, g);
    });
    return [...m.values()].map((g) => ({ ...g, ratio: g.openMinutes > 0 ? g.bookedMinutes / g.openMinutes : 0 })).sort((a, b) => b.ratio - a.ratio || a.label.localeCompare(b.label, "zh-CN"));
  };
  const buildings = group((r) => [r.building, r.building || "未设置楼宇"]);
  const departments = group((r) => [r.dept ?? "", r.dept_name ?? "未设置部门"]);

  // Heat map: approved minutes per (local day of week, local hour), from the bookings cut into hours.
  const cells = rowsOf<{ dow: number; hour: number; minutes: string }>(
    await db.execute(sql`
      with hours as (select h from generate_series(${f}, ${e} - interval '1 hour', interval '1 hour') as h)
      select extract(isodow from h at time zone ${tz})::int as dow, extract(hour from h at time zone ${tz})::int as hour,
             sum(extract(epoch from (least(a.ends_at, h + interval '1 hour') - greatest(a.starts_at, h))) / 60) as minutes
        from hours
        join appointments a on a.starts_at < h + interval '1 hour' and a.ends_at > h and ${held}
        join rooms r on r.id = a.room_id and r.removed_at is null
       group by 1, 2`),
  );
  const openRooms = rooms.length;
  const occurrences = Array.from({ length: 8 }, () => 0); // how many times each weekday occurs in the range
  for (let i = 0; i < days; i++) {
    const [y, m, d] = ymd(addDays(range.from, i));
    occurrences[((new Date(Date.UTC(y, m, d)).getUTCDay() + 6) % 7) + 1]++;
  }
  const heatmap: (number | null)[][] = Array.from({ length: 7 }, (_, di) =>
    Array.from({ length: 24 }, (_, h) => {
      const openInHour = Math.max(0, Math.min(settings.closeMinute, (h + 1) * 60) - Math.max(settings.openMinute, h * 60));
      const denom = openInHour * openRooms * occurrences[di + 1];
      return denom > 0 ? 0 : null;
    }),
  );
  for (const c of cells) {
    const di = Number(c.dow) - 1;
    const h = Number(c.hour);
    const openInHour = Math.max(0, Math.min(settings.closeMinute, (h + 1) * 60) - Math.max(settings.openMinute, h * 60));
    const denom = openInHour * openRooms * occurrences[di + 1];
    heatmap[di][h] = denom > 0 ? Math.min(1, Number(c.minutes) / denom) : null;
  }

  const [ns] = rowsOf<{ released: string; approved: string }>(
    await db.execute(sql`
      select count(*) filter (where (a.status = ${STATUS.CANCELLED} and a.check_info = ${NO_SHOW_INFO})
                                 or (a.status = ${STATUS.EXPIRED} and a.expired_from = ${STATUS.CANCELLED} and a.expired_check_info = ${NO_SHOW_INFO})) as released,
             count(*) filter (where ${held}) as approved
        from appointments a join rooms r on r.id = a.room_id
       where r.check_in_required and a.starts_at >= ${f} and a.starts_at < ${e}`),
  );
  const released = Number(ns?.released ?? 0);
  const approvedWithCheckIn = Number(ns?.approved ?? 0) + released;

  const [st] = rowsOf<Record<string, string>>(
    await db.execute(sql`
      select count(*) filter (where a.status = ${STATUS.PENDING}) as pending,
             count(*) filter (where ${held}) as approved,
             count(*) filter (where coalesce(nullif(a.status, ${STATUS.EXPIRED}), a.expired_from) = ${STATUS.REJECTED}) as rejected,
             count(*) filter (where coalesce(nullif(a.status, ${STATUS.EXPIRED}), a.expired_from) = ${STATUS.CANCELLED}) as cancelled,
             count(*) filter (where a.status = ${STATUS.EXPIRED} and (a.expired_from is null or a.expired_from = ${STATUS.PENDING})) as expired_unreviewed,
             count(*) as total
        from appointments a
       where a.starts_at >= ${f} and a.starts_at < ${e}`),
  );
  // An expired pending request never got reviewed: it is counted as expired, not as pending.
  const byStatus = {
    pending: Number(st.pending),
    approved: Number(st.approved),
    rejected: Number(st.rejected),
    cancelled: Number(st.cancelled),
    expiredUnreviewed: Number(st.expired_unreviewed),
    total: Number(st.total),
  };

  const cancellations = rowsOf<{ userid: string; name: string; n: string }>(
    await db.execute(sql`
      select u.userid, u.name, count(*) as n
        from appointments a join users u on u.id = a.user_id
       where a.starts_at >= ${f} and a.starts_at < ${e}
         and ((a.status = ${STATUS.CANCELLED} and a.check_info = ${CHECK_INFO.cancelled})
           or (a.status = ${STATUS.EXPIRED} and a.expired_from = ${STATUS.CANCELLED} and a.expired_check_info = ${CHECK_INFO.cancelled}))
       group by u.id
       order by count(*) desc, u.userid
       limit 10`),
  ).map((r) => ({ userid: r.userid, name: r.name, count: Number(r.n) }));

  return {
    from: range.from,
    to: range.to,
    days,
    rooms: [...rooms].sort((a, b) => b.ratio - a.ratio || a.label.localeCompare(b.label, "zh-CN")),
    buildings,
    departments,
    heatmap,
    noShow: { released, approvedWithCheckIn, rate: approvedWithCheckIn > 0 ? released / approvedWithCheckIn : null },
    byStatus,
    busiest: [...rooms].filter((r) => r.bookedMinutes > 0).sort((a, b) => b.bookedMinutes - a.bookedMinutes || b.bookings - a.bookings).slice(0, 10),
    cancellations,
  };
}

function row(key: string, label: string, bookedMinutes: number, openMinutes: number, bookings: number): UtilizationRow {
  return { key, label, bookedMinutes: Math.round(bookedMinutes), openMinutes, ratio: openMinutes > 0 ? bookedMinutes / openMinutes : 0, bookings };
}
