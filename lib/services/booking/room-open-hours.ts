import "server-only";
import type { OpenHours } from "./is-within-open-hours";

/** A room's bookable hours: its own when set (Open API `beginTime`/`endTime`), else the campus hours. */
export function roomOpenHours(room: { openMinute: number | null; closeMinute: number | null }, campus: OpenHours): OpenHours {
  return room.openMinute !== null && room.closeMinute !== null
    ? { openMinute: room.openMinute, closeMinute: room.closeMinute }
    : { openMinute: campus.openMinute, closeMinute: campus.closeMinute };
}
