import "server-only";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/time";

/**
 * THE WeCom text a booker receives about a review (legacy §7.4), with the 24-hour clock the legacy lacked and a
 * link to the booking's page.
 */
export function formatReviewMessage(appointId: number, result: string, at = new Date(), heading = "会议室预约结果通知"): string {
  return [
    heading,
    `预约序号：${appointId}`,
    `预约结果：${result}`,
    `通知时间：${formatDateTime(at)}`,
    `查看详情：${env().APP_URL}/meeting/history/detail/${appointId}`,
  ].join("\n");
}
