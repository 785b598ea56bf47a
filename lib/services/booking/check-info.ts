// The check_info texts users see (legacy-behaviour §5.3). `：` is the full-width colon, `，` the full-width comma.
import "server-only";

export const CHECK_INFO = {
  submitted: "审核中，请耐心等待",
  cancelled: "预约已取消",
  approved: (checker: string) => `${checker}：成功通过审核`,
  taken: (checker: string) => `${checker}：已被他人抢先占用`,
  rejected: (checker: string, reason: string) => `${checker}：${reason}`,
} as const;

/** The checker name of the auto-review run, reserved by the admin-name validation (defined there: client forms use it). */
export { AUTO_REVIEWER } from "@/lib/validation/admin";
