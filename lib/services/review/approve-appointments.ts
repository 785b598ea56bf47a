import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, pgErrorCode, type Tx } from "@/lib/db";
import { appointments, rooms, settings, STATUS, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { CHECK_INFO } from "@/lib/services/booking/check-info";
import { isWithinOpenHours } from "@/lib/services/booking/is-within-open-hours";
import { overlaps } from "@/lib/services/booking/overlaps";
import { roomOpenHours } from "@/lib/services/booking/room-open-hours";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { reviewerActor } from "@/lib/services/audit/summaries";
import { findClosure } from "@/lib/services/closures/closure-periods";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { getSettings } from "@/lib/services/settings/get-settings";
import { notifyBooker } from "./notify-booker";

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

/**
 * THE approval rule (manual review, auto-review, Open API). Bookings are taken first come, first served (by
 * submission), each in its own transaction: approve it unless the exclusion constraint says the period is taken
 * (then it is rejected cleanly), and reject every pending booking of the room that now overlaps it. Messages to the
 * bookers are written to the outbox in the same transaction. Unknown ids: 2007 before anything changes.
 * `manual`: refuse while auto-review is on (1009).
 */
export async function approveAppointments(
  ids: number[],
  checker: Checker,
  opts: { manual?: boolean; now?: Date; quiet?: boolean } = {},
): Promise<ApprovalReport> {
  const db = await getDb();
  if (opts.manual && (await getSettings(db)).autoReview) throw new AppError(1009);
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { outcomes: [], cascaded: [], approved: 0 };
  const found = await db
    .select({ id: appointments.id, roomId: appointments.roomId })
    .from(appointments)
    .where(inArray(appointments.id, unique))
    .orderBy(asc(appointments.submittedAt), asc(appointments.id));
  if (found.length !== unique.length) throw new AppError(2007);

  const report: ApprovalReport = { outcomes: [], cascaded: [], approved: 0 };
  for (const { id, roomId } of found) {
    const { outcome, cascaded } = await withRetry(() =>
      db.transaction((tx) => approveOne(tx, id, roomId, checker, opts.now ?? new Date(), opts.quiet)),
    );
    report.outcomes.push({ id, outcome });
    report.cascaded.push(...cascaded);
    if (outcome === "approved") report.approved++;
  }
  return report;
}

/** Takes the room's review lock for the rest of the transaction (re-entrant): approvals and instant decisions of one room take turns. */
export async function lockRoomForReview(tx: Tx, roomId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${ROOM_LOCK}, ${roomId})`);
}

/**
 * Approves one pending booking inside the caller's transaction (the submission's instant decision uses it, so the
 * booking is approved, messaged and pushed exactly as by review). Same outcomes as approveAppointments.
 */
export async function approveOneInTx(tx: Tx, id: number, roomId: number, checker: Checker, now: Date, quiet = false) {
  return approveOne(tx, id, roomId, checker, now, quiet);
}

/** `quiet`: no message to this booking's own booker (a series sends one message for all its dates); cascaded losers are still told. */
async function approveOne(tx: Tx, id: number, roomId: number, checker: Checker, now: Date, quiet = false) {
  await lockRoomForReview(tx, roomId);
  const [b] = await tx
    .select({
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
    .where(eq(appointments.id, id))
    .for("update", { of: appointments });
  const none: number[] = [];
  if (!b || b.status !== STATUS.PENDING) return { outcome: "not-pending" as const, cascaded: none };
  if (b.startsAt.getTime() <= now.getTime()) return { outcome: "started" as const, cascaded: none };

  const reviewed = { reviewedByAdminId: checker.adminId, reviewedBy: checker.name, reviewedAt: now, updatedAt: now };
  const actor = reviewerActor(checker);
  const reject = async (outcome: ApprovalOutcome, checkInfo: string, result: string) => {
    await tx.update(appointments).set({ status: STATUS.REJECTED, checkInfo, ...reviewed }).where(eq(appointments.id, id));
    // Refused by the rule, not by the reviewer's choice: the period was taken, the room closed or the hours changed.
    await recordAudit(tx, {
      action: "booking.auto_rejected",
      objectKind: "booking",
      objectId: id,
      actor,
      before: { status: "pending" },
      after: { status: "rejected", reason: outcome, checkInfo },
    });
    if (!quiet) await notifyBooker(tx, id, b.touser, result, now);
    await emitOpenEvent(tx, "book_update", [id]);
    return { outcome, cascaded: none };
  };
  if (!b.available) {
    const info = CHECK_INFO.rejected(checker.name, "会议室未开放");
    return reject("room-closed", info, `被退回\n审核信息：${info}`);
  }
  const duration = Math.round((b.endsAt.getTime() - b.startsAt.getTime()) / 60_000);
  if (!isWithinOpenHours(b.startsAt, duration, roomOpenHours(b, { openMinute: b.campusOpen, closeMinute: b.campusClose }))) {
    const info = CHECK_INFO.rejected(checker.name, "预约的时间段为会议室非开放时间段");
    return reject("outside-hours", info, `被退回\n审核信息：${info}`);
  }
  const closed = await findClosure(tx, { id: roomId, building: b.building }, b.startsAt, b.endsAt);
  if (closed) {
    const info = CHECK_INFO.rejected(checker.name, `会议室该时段关闭（${closed.reason}）`);
    return reject("outside-hours", info, `被退回\n审核信息：${info}`);
  }

  try {
    // A savepoint: when the exclusion constraint refuses, only this update is undone.
    await tx.transaction(async (sp) => {
      await sp
        .update(appointments)
        .set({ status: STATUS.APPROVED, checkInfo: CHECK_INFO.approved(checker.name), ...reviewed })
        .where(eq(appointments.id, id));
    });
  } catch (e) {
    if (pgErrorCode(e) !== "23P01") throw e;
    return reject("taken", CHECK_INFO.taken(checker.name), "已被他人抢先占用");
  }
  if (!quiet) await notifyBooker(tx, id, b.touser, "成功通过审核", now);
  await recordAudit(tx, {
    action: checker.adminId === null && actor?.kind === "system" ? "booking.auto_approved" : "booking.approved",
    objectKind: "booking",
    objectId: id,
    actor,
    before: { status: "pending" },
    after: { status: "approved", reviewer: checker.name },
  });

  const losers = await tx
    .select({ id: appointments.id, touser: users.userid })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.userId))
    .where(overlaps(roomId, b.startsAt, b.endsAt, STATUS.PENDING))
    .orderBy(asc(appointments.submittedAt), asc(appointments.id))
    .for("update", { of: appointments });
  if (losers.length > 0) {
    await tx
      .update(appointments)
      .set({ status: STATUS.REJECTED, checkInfo: CHECK_INFO.taken(checker.name), ...reviewed })
      .where(and(inArray(appointments.id, losers.map((l) => l.id)), eq(appointments.status, STATUS.PENDING)));
    for (const l of losers) {
      await notifyBooker(tx, l.id, l.touser, "被退回\n审核信息：已被他人抢先占用", now);
      await recordAudit(tx, {
        action: "booking.auto_rejected",
        objectKind: "booking",
        objectId: l.id,
        actor,
        before: { status: "pending" },
        after: { status: "rejected", reason: "conflict", approvedBookingId: id },
      });
    }
  }
  await emitOpenEvent(tx, "book_update", [id, ...losers.map((l) => l.id)]);
  return { outcome: "approved" as const, cascaded: losers.map((l) => l.id) };
}

/** Deadlocks and serialization failures are transient: run the whole transaction again. */
export async function withRetry<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (e) {
      const code = pgErrorCode(e);
      if (i >= attempts || (code !== "40P01" && code !== "40001")) throw e;
    }
  }
}
