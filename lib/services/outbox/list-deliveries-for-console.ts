import "server-only";
import type { SessionAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time";
import { listDeliveries, type DeliveryStatus } from "./list-deliveries";

export interface ConsoleDelivery {
  id: number;
  topic: string;
  recipient: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  /** The text of a WeCom message, so an admin can see what did not arrive. */
  text: string | null;
}

/** Undelivered messages as the console shows them (any admin may look; only super admins may resend). */
export async function listDeliveriesForConsole(
  actor: SessionAdmin | null,
  input: { status: DeliveryStatus; page?: number; size?: number },
): Promise<{ count: number; rows: ConsoleDelivery[] }> {
  if (!actor) throw new AppError(1005);
  const { total, data } = await listDeliveries(input);
  return {
    count: Number(total),
    rows: data.map((d) => {
      const text = (d.payload as { content?: unknown } | null)?.content;
      return {
        id: d.id,
        topic: d.topic,
        recipient: d.recipient,
        attempts: d.attempts,
        lastError: d.lastError,
        createdAt: formatDateTime(d.createdAt),
        nextAttemptAt: formatDateTime(d.nextAttemptAt),
        text: typeof text === "string" ? text : null,
      };
    }),
  };
}
