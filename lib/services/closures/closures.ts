import "server-only";
import { and, asc, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/identity";
import { getDb, type Db, type Tx } from "@/lib/db";
import { appointments, closures, rooms, STATUS, users } from "@/lib/db/schema";
import { badInput, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { cancelBookingsAsAdmin } from "@/lib/services/console/admin-bookings";
import { adminActor } from "@/lib/request-context";
import { formatDateTime } from "@/lib/time";
import { closedPeriods, closureAppliesTo, type Closure } from "./closure-periods";
import { requireAdmin, requireSuper } from "@/lib/services/authz";
import { activeRoom } from "@/lib/services/rooms/active-room";

export interface ClosureInput {
  scope: "room" | "building" | "all";
  roomId?: number | null;
  building?: string | null;
  /** epoch ms */
  start: number;
  end: number;
  reason: string;
  repeatWeekly?: boolean;
  /** epoch ms; only with repeatWeekly (null = no end). */
  repeatUntil?: number | null;
}

export interface ClosureHit {
  id: number;
  status: number;
  place: string;
  building: string;
  booker: string;
  userid: string;
  purpose: string;
  startsAt: string;
  endsAt: string;
}

export interface ClosureView {
  id: number;
  scope: string;
  roomId: number | null;
  place: string | null;
  building: string | null;
  startsAt: string;
  endsAt: string;
  reason: string;
  repeatWeekly: boolean;
  repeatUntil: string | null;
  /** Pending and approved bookings still inside it (not ended). */
  hits: number;
}

/** How far ahead a weekly closure without an end is searched for bookings it hits. */
const OPEN_ENDED_HORIZON_DAYS = 400;

async function normalise(db: Db | Tx, input: ClosureInput) {
  const reason = input.reason.trim();
  if (!reason) throw badInput("reason", "请填写关闭原因");
  if (!(input.end > input.start)) throw badInput("end", "结束时间必须晚于开始时间");
  const repeatWeekly = Boolean(input.repeatWeekly);
  if (repeatWeekly && input.end - input.start > 7 * 86_400_000) throw badInput("end", "每周重复的关闭一次最长 7 天");
  const repeatUntil = repeatWeekly && input.repeatUntil ? new Date(input.repeatUntil) : null;
  if (repeatUntil && repeatUntil.getTime() <= input.start) throw badInput("repeatUntil", "重复截止日期必须晚于开始时间");
  let roomId: number | null = null;
  let building: string | null = null;
  if (input.scope === "room") {
    if (!input.roomId) throw badInput("roomId", "请选择会议室");
    const [room] = await db.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.id, input.roomId), activeRoom()));
    if (!room) throw notFound("roomId", "会议室");
    roomId = room.id;
  } else if (input.scope === "building") {
    building = (input.building ?? "").trim();
    if (!building) throw badInput("building", "请选择楼宇");
  }
  return { scope: input.scope, roomId, building, startsAt: new Date(input.start), endsAt: new Date(input.end), reason, repeatWeekly, repeatUntil };
}

/** Pending and approved bookings (not ended by `now`) that a closure (saved or not yet) covers, earliest first. */
async function hitsOf(db: Db | Tx, c: Omit<Closure, "id" | "createdAt" | "createdByAdminId"> & { id?: number }, now: Date): Promise<ClosureHit[]> {
  const from = Math.max(c.startsAt.getTime(), now.getTime());
  const horizon = c.repeatWeekly
    ? (c.repeatUntil?.getTime() ?? now.getTime() + OPEN_ENDED_HORIZON_DAYS * 86_400_000) + 7 * 86_400_000
    : c.endsAt.getTime();
  if (horizon <= from) return [];
  const rows = await db
    .select({
      id: appointments.id,
      status: appointments.status,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      purpose: appointments.purpose,
      roomId: rooms.id,
      place: rooms.place,
      building: rooms.building,
      booker: users.name,
      userid: users.userid,
    })
    .from(appointments)
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .innerJoin(users, eq(users.id, appointments.userId))
    .where(
      and(
        inArray(appointments.status, [STATUS.PENDING, STATUS.APPROVED]),
        gt(appointments.endsAt, new Date(from)),
        lt(appointments.startsAt, new Date(horizon)),
        c.scope === "room" ? eq(appointments.roomId, c.roomId!) : c.scope === "building" ? eq(rooms.building, c.building!) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  const closure = { ...c, id: c.id ?? 0, createdAt: now, createdByAdminId: null } as Closure;
  return rows
    .filter((r) => closureAppliesTo(closure, { id: r.roomId, building: r.building }))
    .filter((r) => closedPeriods([closure], r.startsAt.getTime(), r.endsAt.getTime()).length > 0)
    .map((r) => ({
      id: r.id,
      status: r.status,
      place: r.place,
      building: r.building,
      booker: r.booker,
      userid: r.userid,
      purpose: r.purpose,
      startsAt: formatDateTime(r.startsAt),
      endsAt: formatDateTime(r.endsAt),
    }));
}

/** What a closure would hit, before it is created (the console shows the list and asks what to do with them). */
export async function previewClosure(admin: SessionAdmin, input: ClosureInput, now = new Date()) {
  requireAdmin(admin);
  const db = await getDb();
  const c = await normalise(db, input);
  return { hits: await hitsOf(db, c, now) };
}

/**
 * Creates a closure (super admins). With `cancelReason`, the pending and approved bookings it hits are cancelled in
 * the same transaction, each booker told once with that reason. Without it they stay (the admin may cancel them
 * later from the closure, or move them one by one on the grid).
 */
export async function createClosure(admin: SessionAdmin, input: ClosureInput & { cancelReason?: string | null }, now = new Date()) {
  requireSuper(admin);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await normalise(tx, input);
    const [row] = await tx.insert(closures).values({ ...c, createdByAdminId: admin.id }).returning();
    await recordAudit(tx, { action: "closure.created", objectKind: "closure", objectId: row.id, after: summary(row), actor: adminActor(admin) });
    const hits = await hitsOf(tx, row, now);
    const reason = input.cancelReason?.trim();
    const cancelled = reason
      ? await cancelBookingsAsAdmin(tx, admin, hits.map((h) => h.id), reason, now, { action: "booking.cancelled_by_closure", extra: { closureId: row.id } })
      : [];
    return { id: row.id, hits, cancelled };
  });
}

/** Cancels, with one reason, the bookings an existing closure still hits (each booker told once). */
export async function cancelClosureHits(admin: SessionAdmin, closureId: number, reason: string, now = new Date()) {
  requireSuper(admin);
  if (!reason.trim()) throw badInput("reason", "请填写取消原因");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(closures).where(eq(closures.id, closureId)).for("update");
    if (!row) throw notFound("id", "关闭记录");
    const hits = await hitsOf(tx, row, now);
    const cancelled = await cancelBookingsAsAdmin(tx, admin, hits.map((h) => h.id), reason.trim(), now, {
      action: "booking.cancelled_by_closure",
      extra: { closureId: row.id },
    });
    return { cancelled };
  });
}

export async function deleteClosure(admin: SessionAdmin, closureId: number) {
  requireSuper(admin);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(closures).where(eq(closures.id, closureId)).returning();
    if (!row) throw notFound("id", "关闭记录");
    await recordAudit(tx, { action: "closure.deleted", objectKind: "closure", objectId: row.id, before: summary(row), actor: adminActor(admin) });
  });
}

/** Closures that have not ended (or every one with `all`), newest first, with how many bookings each still hits. */
export async function listClosures(admin: SessionAdmin, opts: { all?: boolean } = {}, now = new Date()): Promise<ClosureView[]> {
  requireAdmin(admin);
  const db = await getDb();
  const rows = await db
    .select({ c: closures, place: rooms.place })
    .from(closures)
    .leftJoin(rooms, eq(rooms.id, closures.roomId))
    .where(opts.all ? undefined : sql`(${closures.endsAt} > ${now.toISOString()}::timestamptz or (${closures.repeatWeekly} and (${closures.repeatUntil} is null or ${closures.repeatUntil} > ${now.toISOString()}::timestamptz)))`)
    .orderBy(desc(closures.startsAt), desc(closures.id));
  const out: ClosureView[] = [];
  for (const { c, place } of rows) {
    out.push({
      id: c.id,
      scope: c.scope,
      roomId: c.roomId,
      place,
      building: c.building,
      startsAt: formatDateTime(c.startsAt),
      endsAt: formatDateTime(c.endsAt),
      reason: c.reason,
      repeatWeekly: c.repeatWeekly,
      repeatUntil: c.repeatUntil ? formatDateTime(c.repeatUntil) : null,
      hits: (await hitsOf(db, c, now)).length,
    });
  }
  return out;
}

function summary(c: Closure) {
  return {
    scope: c.scope,
    roomId: c.roomId,
    building: c.building,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    reason: c.reason,
    repeatWeekly: c.repeatWeekly,
    repeatUntil: c.repeatUntil?.toISOString() ?? null,
  };
}
