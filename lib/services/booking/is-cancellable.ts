import "server-only";
import { STATUS } from "@/lib/db/schema";

/**
 * Whether the booker may still withdraw a booking: pending or approved, not started. cancelAppointment enforces the
 * same rule atomically in SQL; this is for showing (or hiding) the cancel button.
 */
export function isCancellable(b: { status: number; startsAt: Date }, now = new Date()): boolean {
  return (CANCELLABLE_STATUSES as readonly number[]).includes(b.status) && b.startsAt.getTime() > now.getTime();
}

/** The statuses a booker may withdraw from; shared with cancelAppointment's conditional update. */
export const CANCELLABLE_STATUSES = [STATUS.PENDING, STATUS.APPROVED] as const;
