import "server-only";

/** When check-in opens and closes for a booking starting at `startsAt` (the close is the no-show deadline). */
export function checkInWindow(startsAt: Date, cfg: { checkInBeforeMinutes: number; checkInAfterMinutes: number }) {
  return {
    opensAt: new Date(startsAt.getTime() - cfg.checkInBeforeMinutes * 60_000),
    closesAt: new Date(startsAt.getTime() + cfg.checkInAfterMinutes * 60_000),
  };
}

export const NO_SHOW_INFO = "未签到，已自动释放";
