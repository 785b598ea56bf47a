import "server-only";
import { aliasedTable, and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, pgErrorCode, type Tx } from "@/lib/db";
import { appointments, rooms, settings, STATUS, users } from "@/lib/db/schema";
import { AppError, E } from "@/lib/errors";
import { CHECK_INFO } from "@/lib/services/booking/check-info";
import { isWithinOpenHours } from "@/lib/services/booking/is-within-open-hours";
import { overlaps } from "@/lib/services/booking/overlaps";
import { roomOpenHours } from "@/lib/services/booking/room-open-hours";
import { recordAudits, type AuditEntry } from "@/lib/services/audit/record-audit";
import { reviewerActor } from "@/lib/services/audit/summaries";
import { closedPeriodsForRooms, loadClosures } from "@/lib/services/closures/closure-periods";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { getSettings } from "@/lib/services/settings/get-settings";
import { notifyBookers } from "./notify-booker";

export interface Checker {
  /** null for the auto-review run (and Open API callers without an admin). */
  adminId: number | null;
  /** Shown to the booker: an admin username or `自动审核`. */
  name: string;
}

export type ApprovalOutcome =
  | "approved"
  /** Rejected: an approved booking of the room already holds (part of) the period. */
  | "taken"
  /** Rejected: the period no longer fits the open hours. */
  | "outside-hours"
  /** Rejected: the room was closed since the request. */
  | "room-closed"
  /** Left alone: not pending (already reviewed, cancelled, expired). */
  | "not-pending"
  /** Left alone: the start has passed; the expiry run will mark it expired. */
  | "started";

export interface ApprovalReport {
  outcomes: { id: number; outcome: ApprovalOutcome }[];
  /** Pending bookings rejected because an approval in this call took their period, in the order rejected. */
  cascaded: number[];
  approved: number;
}

// Namespace of the per-room advisory lock: approvals of one room take turns, so the cascade of one never waits on
// a row another approval holds (which would deadlock against the exclusion constraint's own wait).
const ROOM_LOCK = 72430100;
/** Bookings decided per transaction: a long auto-review run is split so that it never holds many room locks long. */
const PER_TRANSACTION = 50;

/**
 * THE approval rule (manual review, auto-review, Open API). Bookings are taken first come, first served (by
 * submission): approve each unless an approved booking holds its period (then it is rejected cleanly), and reject
 * every pending booking of the room that now overlaps it. A batch is decided in one transaction (up to
 * PER_TRANSACTION bookings) holding the review locks of its rooms, so it commits whole or not at all; the exclusion
 * constraint stays the last word (a racing writer that slipped past the room lock makes the transaction start again,
 * and the retry sees its row). Messages to the bookers are written to the outbox in the same transaction. Unknown
 * ids: 2007 before anything changes. `manual`: refuse while auto-review is on (1009).
 */
export async function approveAppointments(
  ids: number[],
  checker: Checker,
  opts: { manual?: boolean; now?: Date; quiet?: boolean } = {},
): Promise<ApprovalReport> {
  const db = await getDb();
  if (opts.manual && (await getSettings(db)).autoReview) throw new AppError(E.AUTO_REVIEW_ON);
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { outcomes: [], cascaded: [], approved: 0 };
  const found = await db
    .select({ id: appointments.id, roomId: appointments.roomId })
    .from(appointments)
    .where(inArray(appointments.id, unique))
    .orderBy(asc(appointments.submittedAt), asc(appointments.id));
  if (found.length !== unique.length) throw new AppError(E.BAD_BOOKING_ID);

  const report: ApprovalReport = { outcomes: [], cascaded: [], approved: 0 };
  for (let i = 0; i < found.length; i += PER_TRANSACTION) {
    const part = found.slice(i, i + PER_TRANSACTION);
    const r = await withRetry(() => db.transaction((tx) => approveInTx(tx, part, checker, opts.now ?? new Date(), opts.quiet)), 4, ["23P01"]);
    report.outcomes.push(...r.outcomes);
    report.cascaded.push(...r.cascaded);
    report.approved += r.approved;
  }
  return report;
}

/** Takes the room's review lock for the rest of the transaction (re-entrant): approvals and instant decisions of one room take turns. */
export async function lockRoomForReview(tx: Tx, roomId: number) {
  await lockRoomsForReview(tx, [roomId]);
}

/** The review locks of several rooms, in one statement, always in room-id order (two batches never wait on each other in a circle). */
async function lockRoomsForReview(tx: Tx, roomIds: number[]) {
  const sorted = [...new Set(roomIds)].sort((a, b) => a - b);
  if (sorted.length === 1) await tx.execute(sql`select pg_advisory_xact_lock(${ROOM_LOCK}, ${sorted[0]})`);
  else if (sorted.length > 1) {
    const list = sql.join(sorted.map((id) => sql`(${id}::int)`), sql`, `);
    await tx.execute(sql`select pg_advisory_xact_lock(${ROOM_LOCK}, v.id) from (values ${list}) as v(id) order by v.id`);
  }
}

/**
 * Approves one pending booking inside the caller's transaction (the submission's instant decision uses it, so the
 * booking is approved, messaged and pushed exactly as by review). Same outcomes as approveAppointments.
 */
export async function approveOneInTx(tx: Tx, id: number, roomId: number, checker: Checker, now: Date, quiet = false) {
  const r = await approveInTx(tx, [{ id, roomId }], checker, now, quiet);
  return { outcome: r.outcomes[0].outcome, cascaded: r.cascaded };
}

/** An approved booking's period holder, as seen from a statement on appointments. */
const holder = aliasedTable(appointments, "holder");

/**
 * Decides `batch` (in the order given: first come, first served) inside the caller's transaction.
 * `quiet`: no message to the decided bookings' own bookers (a series sends one message for all its dates); cascaded
 * losers are still told.
 */
async function approveInTx(tx: Tx, batch: { id: number; roomId: number }[], checker: Checker, now: Date, quiet = false): Promise<ApprovalReport> {
  await lockRoomsForReview(tx, batch.map((b) => b.roomId));
  const rows = await tx
    .select({
      id: appointments.id,
      roomId: appointments.roomId,
      status: appointments.status,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      touser: users.userid,
      available: rooms.available,
      openMinute: rooms.openMinute,
      closeMinute: rooms.closeMinute,
      building: rooms.building,
      // The campus hours in the same statement (not one more read per approved id).
      campusOpen: settings.openMinute,
      campusClose: settings.closeMinute,
    })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.userId))
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .innerJoin(settings, eq(settings.id, 1))
    .where(inArray(appointments.id, batch.map((b) => b.id)))
    .for("update", { of: appointments });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const live = rows.filter((r) => r.status === STATUS.PENDING && r.startsAt.getTime() > now.getTime());
  // The closures over the whole batch's span, once (each booking is then checked in memory).
  const closureList = live.length
    ? await loadClosures(
        tx,
        new Date(Math.min(...live.map((r) => r.startsAt.getTime()))),
        new Date(Math.max(...live.map((r) => r.endsAt.getTime()))),
        live.map((r) => ({ id: r.roomId, building: r.building })),
      )
    : [];

  const reviewed = { reviewedByAdminId: checker.adminId, reviewedBy: checker.name, reviewedAt: now, updatedAt: now };
  const actor = reviewerActor(checker);
  const report: ApprovalReport = { outcomes: [], cascaded: [], approved: 0 };
  const audits: AuditEntry[] = [];
  const notices: { appointId: number; touser: string; result: string }[] = [];
  const changed: number[] = [];
  const decided = new Set<number>(); // rejected by an earlier approval of this batch

  const rejected = (id: number, touser: string, outcome: ApprovalOutcome, checkInfo: string, result: string) => {
    // Refused by the rule, not by the reviewer's choice: the period was taken, the room closed or the hours changed.
    audits.push({ action: "booking.auto_rejected", objectKind: "booking", objectId: id, actor, before: { status: "pending" }, after: { status: "rejected", reason: outcome, checkInfo } });
    if (!quiet) notices.push({ appointId: id, touser, result });
    changed.push(id);
    report.outcomes.push({ id, outcome });
  };
  const reject = async (id: number, touser: string, outcome: ApprovalOutcome, checkInfo: string, result: string) => {
    await tx.update(appointments).set({ status: STATUS.REJECTED, checkInfo, ...reviewed }).where(eq(appointments.id, id));
    rejected(id, touser, outcome, checkInfo, result);
  };

  for (const { id } of batch) {
    const b = byId.get(id);
    if (!b || b.status !== STATUS.PENDING || decided.has(id)) {
      report.outcomes.push({ id, outcome: "not-pending" });
      continue;
    }
    if (b.startsAt.getTime() <= now.getTime()) {
      report.outcomes.push({ id, outcome: "started" });
      continue;
    }
    if (!b.available) {
      const info = CHECK_INFO.rejected(checker.name, "会议室未开放");
      await reject(id, b.touser, "room-closed", info, `被退回\n审核信息：${info}`);
      continue;
    }
    const duration = Math.round((b.endsAt.getTime() - b.startsAt.getTime()) / 60_000);
    if (!isWithinOpenHours(b.startsAt, duration, roomOpenHours(b, { openMinute: b.campusOpen, closeMinute: b.campusClose }))) {
      const info = CHECK_INFO.rejected(checker.name, "预约的时间段为会议室非开放时间段");
      await reject(id, b.touser, "outside-hours", info, `被退回\n审核信息：${info}`);
      continue;
    }
    const closed = closedPeriodsForRooms(closureList, [{ id: b.roomId, building: b.building }], b.startsAt, b.endsAt).get(b.roomId)?.[0];
    if (closed) {
      const info = CHECK_INFO.rejected(checker.name, `会议室该时段关闭（${closed.reason}）`);
      await reject(id, b.touser, "outside-hours", info, `被退回\n审核信息：${info}`);
      continue;
    }

    // Approved unless an approved booking already holds (part of) the period — decided in the update itself.
    const taken = sql`exists (select 1 from ${appointments} as ${sql.identifier("holder")} where ${overlaps(b.roomId, b.startsAt, b.endsAt, STATUS.APPROVED, holder)})`;
    const [u] = await tx
      .update(appointments)
      .set({
        status: sql`case when ${taken} then ${sql.raw(String(STATUS.REJECTED))} else ${sql.raw(String(STATUS.APPROVED))} end`,
        checkInfo: sql`case when ${taken} then ${CHECK_INFO.taken(checker.name)} else ${CHECK_INFO.approved(checker.name)} end`,
        ...reviewed,
      })
      .where(eq(appointments.id, id))
      .returning({ status: appointments.status });
    if (u.status !== STATUS.APPROVED) {
      rejected(id, b.touser, "taken", CHECK_INFO.taken(checker.name), "已被他人抢先占用");
      continue;
    }
    if (!quiet) notices.push({ appointId: id, touser: b.touser, result: "成功通过审核" });
    audits.push({
      action: checker.adminId === null && actor?.kind === "system" ? "booking.auto_approved" : "booking.approved",
      objectKind: "booking",
      objectId: id,
      actor,
      before: { status: "pending" },
      after: { status: "approved", reviewer: checker.name },
    });
    changed.push(id);
    report.outcomes.push({ id, outcome: "approved" });
    report.approved++;

    // Every pending request of the room that the approval now overlaps loses, first come first served.
    const losers = (
      await tx
        .update(appointments)
        .set({ status: STATUS.REJECTED, checkInfo: CHECK_INFO.taken(checker.name), ...reviewed })
        .from(users)
        .where(and(eq(users.id, appointments.userId), overlaps(b.roomId, b.startsAt, b.endsAt, STATUS.PENDING)))
        .returning({ id: appointments.id, touser: users.userid, submittedAt: appointments.submittedAt })
    ).sort((x, y) => x.submittedAt.getTime() - y.submittedAt.getTime() || x.id - y.id);
    for (const l of losers) {
      decided.add(l.id);
      notices.push({ appointId: l.id, touser: l.touser, result: "被退回\n审核信息：已被他人抢先占用" });
      audits.push({
        action: "booking.auto_rejected",
        objectKind: "booking",
        objectId: l.id,
        actor,
        before: { status: "pending" },
        after: { status: "rejected", reason: "conflict", approvedBookingId: id },
      });
      changed.push(l.id);
      report.cascaded.push(l.id);
    }
  }
  await notifyBookers(tx, notices, now);
  await recordAudits(tx, audits);
  await emitOpenEvent(tx, "book_update", changed);
  return report;
}

/** Deadlocks and serialization failures are transient: run the whole transaction again. */
export async function withRetry<T>(run: () => Promise<T>, attempts = 4, alsoRetry: string[] = []): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (e) {
      const code = pgErrorCode(e);
      if (i >= attempts || (code !== "40P01" && code !== "40001" && !alsoRetry.includes(code ?? ""))) throw e;
    }
  }
}
