// SEAM: auto-review approves through the SAME service as manual review (the booking engineer's
// approveAppointments in lib/services/review), never a copy. Replaced by a re-export when that branch is merged.
export type Checker = { adminId: number | null; name: string };
export type ApproveAppointments = (ids: number[], checker: Checker) => Promise<unknown>;

export const approveAppointments: ApproveAppointments = async () => {
  throw new Error("approveAppointments (lib/services/review) not wired yet");
};
