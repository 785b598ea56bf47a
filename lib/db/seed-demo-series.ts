import "server-only";
import { eq, sql } from "drizzle-orm";
import { formatDate, fromLocal } from "@/lib/time";
import { weekdayOf } from "@/lib/domain/week-label";
import { addDays } from "@/lib/zoned-time";
import type { Db } from "./client";
import { appointmentSeries, appointments, rooms, STATUS, users } from "./schema";

/**
 * Demo recurring booking: 李明's "每周二 19:00–21:00 组会" in 图书馆研讨室B, eight Tuesdays from the next one, approved,
 * so the series page, my bookings and the console grid show a series. Only when 李明 exists and has no series yet;
 * a room the other demo data and the tests' bookings keep clear of.
 */
export async function seedDemoSeries(db: Db, now = new Date()) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(72430021)`);
    const [liming] = await tx.select().from(users).where(eq(users.userid, "2020123456"));
    const [room] = await tx.select().from(rooms).where(eq(rooms.place, "图书馆研讨室B"));
    if (!liming || !room) return;
    const existing = await tx.select({ id: appointmentSeries.id }).from(appointmentSeries).where(eq(appointmentSeries.userId, liming.id)).limit(1);
    if (existing.length > 0) return;

    const today = formatDate(now);
    const ahead = (2 - weekdayOf(today) + 7) % 7 || 7; // the next Tuesday, never today
    const first = addDays(today, ahead);
    const count = 8;
    const start = 19 * 60;
    const duration = 120;
    const phone = liming.phone ?? "13800138001";
    const [series] = await tx
      .insert(appointmentSeries)
      .values({ userId: liming.id, roomId: room.id, rule: "weekly", firstDate: first, count, startMinute: start, duration, purpose: "组会", participants: 8, phone })
      .returning({ id: appointmentSeries.id });
    const at = (date: string, minute: number) => {
      const [y, m, d] = date.split("-").map(Number);
      return fromLocal(y, m, d, minute);
    };
    await tx.insert(appointments).values(
      Array.from({ length: count }, (_, i) => {
        const date = addDays(first, 7 * i);
        return {
          roomId: room.id,
          userId: liming.id,
          purpose: "组会",
          participants: 8,
          phone,
          note: null,
          startsAt: at(date, start),
          endsAt: at(date, start + duration),
          status: STATUS.APPROVED,
          checkInfo: "admin：成功通过审核",
          reviewedBy: "admin",
          reviewedAt: now,
          submittedAt: new Date(now.getTime() - 2 * 3600_000),
          seriesId: series.id,
        };
      }),
    );
  });
}
