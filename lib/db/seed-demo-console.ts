import "server-only";
import { academicTerms, holidays } from "./schema";
import type { Db } from "./client";
import { formatDate, fromLocal, localParts } from "@/lib/time";

/**
 * Demo academic calendar: a 20-week term whose week 1 began six weeks ago (so dates show "第7周 …" today), and a
 * holiday in it. Only when no term exists yet.
 */
export async function seedDemoConsole(db: Db, now = new Date()) {
  const existing = await db.select({ id: academicTerms.id }).from(academicTerms).limit(1);
  if (existing.length > 0) return;
  const p = localParts(now);
  const weekday = (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7;
  const monday = fromLocal(p.year, p.month, p.day - weekday - 42, 12 * 60);
  const mp = localParts(monday);
  await db.insert(academicTerms).values({ name: "演示学期", firstDay: formatDate(monday), weeks: 20 });
  const h = fromLocal(mp.year, mp.month, mp.day + 7 * 10 + 3, 12 * 60);
  const hEnd = fromLocal(mp.year, mp.month, mp.day + 7 * 10 + 5, 12 * 60);
  await db.insert(holidays).values({ name: "校庆日", firstDay: formatDate(h), lastDay: formatDate(hEnd) });
}
