import "server-only";
import { asc, eq } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb, pgErrorCode, type Db, type Tx } from "@/lib/db";
import { academicTerms, classPeriods, holidays } from "@/lib/db/schema";
import { AppError, badInput, E, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { adminActor } from "@/lib/request-context";
import { formatDate, parseLocalDate } from "@/lib/time";
import { minutesToHhmm } from "@/lib/zoned-time";
import { addDays } from "@/lib/zoned-time";
import { dayLabel, findTerm, termLastDay, type DayLabel } from "@/lib/domain/week-label";
import { requireSuper } from "@/lib/services/authz";

export interface Term {
  id: number;
  name: string;
  firstDay: string;
  weeks: number;
  /** Sunday of the last week. */
  lastDay: string;
}

export interface ClassPeriod {
  id: number;
  name: string;
  startMinute: number;
  endMinute: number;
  /** `08:00–09:35` */
  span: string;
}

export interface AcademicCalendar {
  terms: Term[];
  holidays: { id: number; name: string; firstDay: string; lastDay: string }[];
  periods: ClassPeriod[];
}

async function db(tx?: Db | Tx) {
  return tx ?? (await getDb());
}

export async function listTerms(tx?: Db | Tx): Promise<Term[]> {
  const rows = await (await db(tx)).select().from(academicTerms).orderBy(asc(academicTerms.firstDay));
  return rows.map((t) => ({ id: t.id, name: t.name, firstDay: t.firstDay, weeks: t.weeks, lastDay: termLastDay(t) }));
}

export async function listClassPeriods(tx?: Db | Tx): Promise<ClassPeriod[]> {
  const rows = await (await db(tx)).select().from(classPeriods).orderBy(asc(classPeriods.startMinute));
  return rows.map((p) => ({ ...p, span: `${minutesToHhmm(p.startMinute)}–${minutesToHhmm(p.endMinute)}` }));
}

export async function getAcademicCalendar(tx?: Db | Tx): Promise<AcademicCalendar> {
  const d = await db(tx);
  const hs = await d.select().from(holidays).orderBy(asc(holidays.firstDay));
  return {
    terms: await listTerms(d),
    holidays: hs.map((h) => ({ id: h.id, name: h.name, firstDay: h.firstDay, lastDay: h.lastDay })),
    periods: await listClassPeriods(d),
  };
}

/** The term holding `date` (an instant, or a campus-local `yyyy-MM-dd`), or null. For "until the end of this term". */
export async function termContaining(date: Date | string, tx?: Db | Tx): Promise<Term | null> {
  const day = typeof date === "string" ? date : formatDate(date);
  return findTerm(await listTerms(tx), day);
}

export async function currentTerm(now = new Date(), tx?: Db | Tx): Promise<Term | null> {
  return termContaining(now, tx);
}

/** `第12周 周二` (and the holiday, if any) for each day of [from, from + days). */
export async function dayLabels(from: string, days: number, tx?: Db | Tx): Promise<DayLabel[]> {
  const cal = await getAcademicCalendar(tx);
  const out: DayLabel[] = [];
  for (let i = 0; i < Math.min(days, 62); i++) out.push(dayLabel(cal.terms, cal.holidays, addDays(from, i)));
  return out;
}

/** The labels of any campus-local dates (a series' occurrences, a list of bookings), from one read of the calendar. */
export async function labelsOf(dates: string[], tx?: Db | Tx): Promise<Map<string, DayLabel>> {
  const out = new Map<string, DayLabel>();
  const wanted = [...new Set(dates)];
  if (wanted.length === 0) return out;
  const d = await db(tx);
  const [terms, hs] = [await listTerms(d), await d.select().from(holidays)];
  for (const date of wanted) out.set(date, dayLabel(terms, hs, date));
  return out;
}

// ---- console edits (super admins), each audited ----

function guard(admin: SessionAdmin): SessionAdmin {
  requireSuper(admin);
  return admin;
}

const validDay = (field: string, s: string) => {
  if (!parseLocalDate(s)) throw badInput(field, "请选择有效日期");
  return s;
};

export async function saveTerm(admin: SessionAdmin, input: { id?: number; name: string; firstDay: string; weeks: number }) {
  const a = guard(admin);
  const name = input.name.trim();
  if (!name) throw badInput("name", "请填写学期名称");
  validDay("firstDay", input.firstDay);
  if (!Number.isInteger(input.weeks) || input.weeks < 1 || input.weeks > 40) throw badInput("weeks", "周数须为 1–40");
  const d = await getDb();
  try {
    return await d.transaction(async (tx) => {
      const values = { name, firstDay: input.firstDay, weeks: input.weeks };
      if (input.id) {
        const [before] = await tx.select().from(academicTerms).where(eq(academicTerms.id, input.id));
        if (!before) throw notFound("id", "学期");
        await tx.update(academicTerms).set(values).where(eq(academicTerms.id, input.id));
        await recordAudit(tx, { action: "calendar.term_changed", objectKind: "term", objectId: input.id, before: { name: before.name, firstDay: before.firstDay, weeks: before.weeks }, after: values, actor: adminActor(a) });
        return { id: input.id };
      }
      const [row] = await tx.insert(academicTerms).values(values).returning({ id: academicTerms.id });
      await recordAudit(tx, { action: "calendar.term_added", objectKind: "term", objectId: row.id, after: values, actor: adminActor(a) });
      return row;
    });
  } catch (e) {
    if (pgErrorCode(e) === "23505") throw new AppError(E.BAD_INPUT, "已有同名学期", "name");
    throw e;
  }
}

export async function saveHoliday(admin: SessionAdmin, input: { name: string; firstDay: string; lastDay: string }) {
  const a = guard(admin);
  const name = input.name.trim();
  if (!name) throw badInput("name", "请填写假期名称");
  validDay("firstDay", input.firstDay);
  validDay("lastDay", input.lastDay);
  if (input.lastDay < input.firstDay) throw new AppError(E.BAD_INPUT, "结束日期不能早于开始日期", "lastDay");
  const d = await getDb();
  return d.transaction(async (tx) => {
    const values = { name, firstDay: input.firstDay, lastDay: input.lastDay };
    const [row] = await tx.insert(holidays).values(values).returning({ id: holidays.id });
    await recordAudit(tx, { action: "calendar.holiday_added", objectKind: "holiday", objectId: row.id, after: values, actor: adminActor(a) });
    return row;
  });
}

export async function savePeriod(admin: SessionAdmin, input: { id?: number; name: string; startMinute: number; endMinute: number }) {
  const a = guard(admin);
  const name = input.name.trim();
  if (!name) throw badInput("name", "请填写节次名称");
  if (!(input.startMinute >= 0 && input.endMinute <= 1440 && input.endMinute > input.startMinute)) {
    throw new AppError(E.BAD_INPUT, "下课时间必须晚于上课时间", "endMinute");
  }
  const d = await getDb();
  return d.transaction(async (tx) => {
    const values = { name, startMinute: input.startMinute, endMinute: input.endMinute };
    if (input.id) {
      const [before] = await tx.select().from(classPeriods).where(eq(classPeriods.id, input.id));
      if (!before) throw notFound("id", "节次");
      await tx.update(classPeriods).set(values).where(eq(classPeriods.id, input.id));
      await recordAudit(tx, { action: "calendar.period_changed", objectKind: "class_period", objectId: input.id, before, after: values, actor: adminActor(a) });
      return { id: input.id };
    }
    const [row] = await tx.insert(classPeriods).values(values).returning({ id: classPeriods.id });
    await recordAudit(tx, { action: "calendar.period_added", objectKind: "class_period", objectId: row.id, after: values, actor: adminActor(a) });
    return row;
  });
}

export type CalendarKind = "term" | "holiday" | "period";

export async function removeCalendarItem(admin: SessionAdmin, kind: CalendarKind, id: number) {
  const a = guard(admin);
  const table = kind === "term" ? academicTerms : kind === "holiday" ? holidays : classPeriods;
  const d = await getDb();
  await d.transaction(async (tx) => {
    const [row] = await tx.delete(table).where(eq(table.id, id)).returning();
    if (!row) throw notFound("id", kind === "term" ? "学期" : kind === "holiday" ? "假期" : "节次");
    await recordAudit(tx, { action: `calendar.${kind}_removed`, objectKind: kind === "period" ? "class_period" : kind, objectId: id, before: row, actor: adminActor(a) });
  });
}
