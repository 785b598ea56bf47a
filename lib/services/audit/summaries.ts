import "server-only";
import { STATUS } from "@/lib/db/schema";
import type { Actor } from "@/lib/request-context";
import { AUTO_REVIEWER } from "@/lib/services/booking/check-info";

// The small before/after summaries services put in the audit trail: what a reader needs to see what changed,
// never the whole row (no secrets, hashes or images).

const STATUS_NAME: Record<number, string> = {
  [STATUS.EXPIRED]: "expired",
  [STATUS.CANCELLED]: "cancelled",
  [STATUS.PENDING]: "pending",
  [STATUS.APPROVED]: "approved",
  [STATUS.REJECTED]: "rejected",
};

export const statusName = (s: number) => STATUS_NAME[s] ?? String(s);

export function bookingSummary(b: {
  roomId: number;
  startsAt: Date;
  endsAt: Date;
  status?: number;
  participants?: number;
  purpose?: string;
}) {
  return {
    roomId: b.roomId,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    ...(b.status !== undefined ? { status: statusName(b.status) } : {}),
    ...(b.participants !== undefined ? { participants: b.participants } : {}),
    ...(b.purpose !== undefined ? { purpose: b.purpose.slice(0, 100) } : {}),
  };
}

export function roomSummary(r: { place: string; size: number; available: boolean }) {
  return { place: r.place, size: r.size, available: r.available };
}

/** Only the keys whose values differ, as {before, after}; empty objects when nothing changed. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after)) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k] ?? null;
      a[k] = after[k] ?? null;
    }
  }
  return { before: b, after: a };
}

/** Who a review is recorded as: the admin, the auto-review run, or (Open API checkers) the request's caller. */
export function reviewerActor(checker: { adminId: number | null; name: string }): Actor | undefined {
  if (checker.adminId !== null) return { kind: "admin", id: checker.adminId, name: checker.name };
  if (checker.name === AUTO_REVIEWER) return { kind: "system", id: null, name: AUTO_REVIEWER };
  return undefined;
}
