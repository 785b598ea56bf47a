import type { Tx } from "@/lib/db";
import { enqueue } from "@/lib/outbox/enqueue";
import { formatReviewMessage } from "./format-review-message";

/** Records the review message for delivery after commit, in the review's own transaction. */
export async function notifyBooker(tx: Tx, appointId: number, touser: string, result: string, at = new Date()) {
  await enqueue(tx, {
    topic: "wecom.message",
    orderingKey: `appointment:${appointId}`,
    payload: { touser, content: formatReviewMessage(appointId, result, at) },
  });
}
