import "server-only";
import { env } from "@/lib/env";
import { callWecom } from "./call";

export interface SendResult {
  /** Recipients WeCom refused (lowercased by WeCom); the message did not reach them. */
  invalidUsers: string[];
}

/**
 * Sends a text app message (legacy §7.4) to one userid or several joined by "|". Throws WecomError when WeCom
 * refuses it or cannot be reached (the outbox retries); `no-recipient` when every recipient was invalid.
 */
export async function sendText(touser: string, content: string): Promise<SendResult> {
  const body = await callWecom("message/send", {}, { touser, msgtype: "text", agentid: env().WECOM_AGENT_ID, text: { content } });
  const invalid = typeof body.invaliduser === "string" ? body.invaliduser.split("|").filter(Boolean) : [];
  return { invalidUsers: invalid };
}
