import "server-only";
import type { Checker } from "@/lib/services/review/approve-appointments";

/** Who reviews a booking approved or rejected through the Open API (shown to the booker like an admin's name). */
export function openApiChecker(appkey: string): Checker {
  return { adminId: null, name: `开放接口(${appkey})` };
}
