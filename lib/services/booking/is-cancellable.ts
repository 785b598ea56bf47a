import { STATUS } from "@/lib/db/schema";

/**
 * Whether the booker may still withdraw a booking: pending or approved, not started. cancelAppointment enforces the
 * same rule atomically in SQL; this is for showing (or hiding) the cancel button.
 */
export function isCancellable(b: { status: number; startsAt: Date }, now = new Date()): boolean {
  return (b.status === STATUS.PENDING || b.status === STATUS.APPROVED) && b.startsAt.getTime() > now.getTime();
}
