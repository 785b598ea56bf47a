import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/db/testing";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { currentTerm, dayLabels, getAcademicCalendar, labelsOf, removeCalendarItem, saveHoliday, savePeriod, saveTerm, termContaining } from "./academic-calendar";
import { dayLabel, termLastDay } from "@/lib/domain/week-label";

const admin = { id: 1, username: "admin", privileged: true };

describe("academic calendar", () => {
  useTestDb();

  it("labels dates with the teaching week and weekday, knows the term of a date and its end", async () => {
    // 2026-09-07 is a Monday; the term has 18 weeks.
    const { id } = await saveTerm(admin, { name: "2026秋季学期", firstDay: "2026-09-07", weeks: 18 });
    await saveHoliday(admin, { name: "国庆节", firstDay: "2026-10-01", lastDay: "2026-10-07" });
    const labels = await dayLabels("2026-09-06", 3);
    expect(labels.map((l) => l.label)).toEqual(["周日", "第1周 周一", "第1周 周二"]);
    const [nov] = await dayLabels("2026-11-24", 1);
    expect(nov.label).toBe("第12周 周二");
    const [national] = await dayLabels("2026-10-01", 1);
    expect(national).toMatchObject({ label: "第4周 周四", holiday: "国庆节" });
    expect((await termContaining("2027-01-10"))?.id).toBe(id);
    expect((await termContaining("2027-01-10"))?.lastDay).toBe("2027-01-10");
    expect(await termContaining("2027-01-11")).toBeNull();
    expect((await currentTerm(new Date("2026-10-15T10:00:00+08:00")))?.name).toBe("2026秋季学期");
    // A term starting mid-week: week 1 is that whole week.
    expect(dayLabel([{ id: 1, name: "x", firstDay: "2027-02-24", weeks: 2 }], [], "2027-03-01").label).toBe("第2周 周一");
    expect(termLastDay({ firstDay: "2027-02-24", weeks: 2 })).toBe("2027-03-07");
    // Same name twice: a message for people.
    expect((await saveTerm(admin, { name: "2026秋季学期", firstDay: "2027-02-22", weeks: 18 }).catch((e) => e)).message).toBe("已有同名学期");
  });

  it("has the usual class periods out of the box and lets a super admin change them", async () => {
    const cal = await getAcademicCalendar();
    expect(cal.periods[0]).toMatchObject({ name: "第1–2节", span: "08:00–09:35" });
    const { id } = await savePeriod(admin, { name: "第11–12节", startMinute: 20 * 60 + 15, endMinute: 21 * 60 + 50 });
    expect((await getAcademicCalendar()).periods.at(-1)).toMatchObject({ id, span: "20:15–21:50" });
    expect((await savePeriod(admin, { name: "x", startMinute: 600, endMinute: 540 }).catch((e) => e)).message).toBe("下课时间必须晚于上课时间");
    expect((await savePeriod({ ...admin, privileged: false }, { name: "y", startMinute: 600, endMinute: 660 }).catch((e) => e)).code).toBe(1006);
    await removeCalendarItem(admin, "period", id);
    expect((await getAcademicCalendar()).periods.map((p) => p.id)).not.toContain(id);
  });

  it("a term can be corrected in place (audited), and every date's week follows; labelsOf reads many dates at once", async () => {
    const { id } = await saveTerm(admin, { name: "2031春季学期", firstDay: "2031-02-24", weeks: 2 });
    expect((await labelsOf(["2031-02-24", "2031-03-10"])).get("2031-03-10")?.week).toBeNull();
    await saveTerm(admin, { id, name: "2031春季学期", firstDay: "2031-02-24", weeks: 18 });
    const labels = await labelsOf(["2031-02-24", "2031-03-10", "2031-03-10"]);
    expect(labels.size).toBe(2);
    expect(labels.get("2031-03-10")).toMatchObject({ week: 3, label: "第3周 周一", term: "2031春季学期" });
    expect((await termContaining("2031-06-29"))?.id).toBe(id);
    const db = await getDb();
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.action, "calendar.term_changed"), eq(auditLog.objectId, String(id))));
    expect(row).toMatchObject({ before: { weeks: 2 }, after: { weeks: 18 } });
    await expect(saveTerm(admin, { id: 999999, name: "x", firstDay: "2031-02-24", weeks: 2 })).rejects.toMatchObject({ code: 4040 });
    expect(await labelsOf([])).toEqual(new Map());
  });
});
