import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, gte, inArray, or, sql, type SQL } from "drizzle-orm";
import type { SessionAdmin, SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { appointments, attendees, rooms, STATUS, users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { getAppointmentDetail } from "@/lib/services/booking/get-appointment-detail";
import { whereLabel } from "@/lib/domain/where-label";
import { zone } from "@/lib/time";
import { buildIcs, type IcsEvent } from "./build-ics";

/** How far back a feed reaches (past meetings stay in subscribed calendars this long). */
export const FEED_PAST_DAYS = 60;
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const STATUS_TEXT: Record<number, string> = { 0: "已过期", 1: "已取消", 2: "待审核", 3: "已通过", 4: "未通过" };

const columns = {
  id: appointments.id,
  purpose: appointments.purpose,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  status: appointments.status,
  expiredFrom: appointments.expiredFrom,
  checkInfo: appointments.checkInfo,
  sequence: appointments.icalSequence,
  updatedAt: appointments.updatedAt,
  place: rooms.place,
  building: rooms.building,
  floor: rooms.floor,
  bookerName: users.name,
  bookerUserid: users.userid,
};
type Row = Awaited<ReturnType<typeof rowsWhere>>[number];

/** Pending → TENTATIVE; approved (or expired after taking place) → CONFIRMED; everything else → CANCELLED. */
export function icsStatus(status: number, expiredFrom: number | null): IcsEvent["status"] {
  if (status === STATUS.PENDING) return "TENTATIVE";
  if (status === STATUS.APPROVED || (status === STATUS.EXPIRED && expiredFrom === STATUS.APPROVED)) return "CONFIRMED";
  return "CANCELLED";
}

function host(): string {
  try {
    return new URL(env().APP_URL).host || "meeting.local";
  } catch {
    return "meeting.local";
  }
}

function toEvent(r: Row, withBooker: boolean): IcsEvent {
  const where = [r.place, whereLabel(r.building, r.floor)].filter(Boolean).join(" · ");
  const url = `${env().APP_URL}/meeting/history/detail/${r.id}`;
  const description = [
    `预约号：${r.id}`,
    `状态：${STATUS_TEXT[r.status] ?? ""}`,
    ...(withBooker ? [`预约人：${r.bookerName || r.bookerUserid}`] : []),
    ...(r.checkInfo ? [`审核信息：${r.checkInfo}`] : []),
    url,
  ].join("\n");
  return {
    uid: `booking-${r.id}@${host()}`,
    sequence: r.sequence,
    updatedAt: r.updatedAt,
    start: r.startsAt,
    end: r.endsAt,
    summary: r.purpose ? `${r.purpose}（${r.place}）` : `会议室预约：${r.place}`,
    location: where,
    description,
    status: icsStatus(r.status, r.expiredFrom),
    url,
  };
}

async function rowsWhere(where: SQL | undefined) {
  const db = await getDb();
  return db
    .select(columns)
    .from(appointments)
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .innerJoin(users, eq(users.id, appointments.userId))
    .where(where)
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
}

const recent = (now: Date) => gte(appointments.endsAt, new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000));

/**
 * The personal feed of the user owning `token`: their bookings and those they are invited to, from FEED_PAST_DAYS
 * ago on (pending as TENTATIVE; cancelled, rejected and released ones as CANCELLED so calendars remove them).
 * Unknown token: 4040.
 */
export async function personalFeed(token: string, now = new Date()): Promise<string> {
  if (!TOKEN.test(token)) throw notFound("token", "日历订阅");
  const db = await getDb();
  const [owner] = await db.select({ id: users.id, name: users.name, userid: users.userid }).from(users).where(eq(users.icalToken, token));
  if (!owner) throw notFound("token", "日历订阅");
  const invited = db.select({ id: attendees.appointmentId }).from(attendees).where(eq(attendees.userId, owner.id));
  const rows = await rowsWhere(and(recent(now), or(eq(appointments.userId, owner.id), inArray(appointments.id, invited))));
  return buildIcs({ name: `我的会议室预约（${owner.name || owner.userid}）`, tz: zone(), refreshMinutes: 30, events: rows.map((r) => toEvent(r, false)) });
}

/** A room's feed for admins (booker names included): every booking of the room from FEED_PAST_DAYS ago on. */
export async function roomFeed(token: string, now = new Date()): Promise<string> {
  if (!TOKEN.test(token)) throw notFound("token", "日历订阅");
  const db = await getDb();
  const [room] = await db.select({ id: rooms.id, place: rooms.place }).from(rooms).where(eq(rooms.icalToken, token));
  if (!room) throw notFound("token", "日历订阅");
  const rows = await rowsWhere(and(recent(now), eq(appointments.roomId, room.id)));
  return buildIcs({ name: `会议室 ${room.place}`, tz: zone(), refreshMinutes: 30, events: rows.map((r) => toEvent(r, true)) });
}

/** One booking as a downloadable .ics (its booker or an admin, like the detail page). */
export async function bookingIcs(caller: { user: SessionUser | null; admin: SessionAdmin | null }, id: number): Promise<string> {
  await getAppointmentDetail(caller, id);
  const [row] = await rowsWhere(eq(appointments.id, id));
  if (!row) throw new AppError(2007);
  return buildIcs({ name: "会议室预约", tz: zone(), events: [toEvent(row, false)] });
}

/** The user's feed token, created on first use. */
export async function getOrCreateIcalToken(userId: number): Promise<string> {
  const db = await getDb();
  const [u] = await db.select({ token: users.icalToken }).from(users).where(eq(users.id, userId));
  if (!u) throw new AppError(2001);
  if (u.token) return u.token;
  return regenerateIcalToken(userId, "created");
}

/** A new secret for the user's feed: calendars subscribed with the old address stop receiving updates. */
export async function regenerateIcalToken(userId: number, why: "created" | "regenerated" = "regenerated"): Promise<string> {
  const token = randomBytes(18).toString("base64url");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [u] = await tx.update(users).set({ icalToken: token, updatedAt: sql`now()` }).where(eq(users.id, userId)).returning({ userid: users.userid });
    if (!u) throw new AppError(2001);
    await recordAudit(tx, {
      action: why === "created" ? "user.ical_token_created" : "user.ical_token_regenerated",
      objectKind: "user",
      objectId: userId,
      actor: { kind: "user", id: userId, name: u.userid },
    });
    return token;
  });
}

/** Feed addresses for a token: https for downloads, webcal for one-tap subscription. */
export function feedUrls(path: string) {
  const https = `${env().APP_URL}/meeting${path}`;
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}
