import "server-only";
import { eq } from "drizzle-orm";
import { campusConfig, campusEnabled } from "@/lib/clients/campus/config";
import { platformDate } from "@/lib/clients/campus/read";
import type { Db, Tx } from "@/lib/db";
import { campusProfiles, settings } from "@/lib/db/schema";
import { enqueue, type OutboxMessage } from "@/lib/outbox/enqueue";
import { bookingLink, bookingPeriod, loadBookingFacts } from "@/lib/services/campus/booking-facts";
import { campusUserName } from "@/lib/services/campus/user-name";
import { formatReviewMessage } from "./format-review-message";

// THE fan-out of booker notifications: review decisions, conflicts, cancellations, moves, releases, reminders.
// Everything is recorded in the caller's transaction (outbox) and sent after commit, never here:
//   * a WeCom app message (topic `wecom.message`, the legacy text), and/or
//   * a campus platform notice (topic `campus.call`, op `notice` → notice/push),
// as the console setting says (settings.notice_channels: wecom / campus / both). With the campus platform off
// (CAMPUS_API_BASE unset) it is WeCom only, exactly as before.

export type BookerNoticeKind = "approved" | "rejected" | "conflict" | "cancelled" | "moved" | "released" | "reminder" | "other";

export interface BookerNoticeDetails {
  kind?: BookerNoticeKind;
  /** Heading of the message (default 会议室预约结果通知). */
  title?: string;
}

export type NoticeChannels = "wecom" | "campus" | "both";

/** Where booker notices go now: the console setting when the platform is on, else WeCom. */
export async function noticeChannels(db: Db | Tx): Promise<NoticeChannels> {
  if (!campusEnabled()) return "wecom";
  const [row] = await db.select({ c: settings.noticeChannels }).from(settings).where(eq(settings.id, 1));
  const c = row?.c;
  return c === "wecom" || c === "campus" ? c : "both";
}

/** Records the notification for delivery after commit, in the change's own transaction. */
export async function notifyBooker(tx: Tx, appointId: number, touser: string, result: string, at = new Date(), details: BookerNoticeDetails = {}) {
  await notifyBookers(tx, [{ appointId, touser, result }], at, details);
}

/** Several notifications of one change (a batch review), recorded with one insert; each as notifyBooker. */
export async function notifyBookers(tx: Tx, notices: { appointId: number; touser: string; result: string }[], at = new Date(), details: BookerNoticeDetails = {}) {
  if (notices.length === 0) return;
  const channels = await noticeChannels(tx);
  const messages: OutboxMessage[] = [];
  for (const { appointId, touser, result } of notices) {
    let wecom = channels !== "campus";
    let campus: OutboxMessage | null = null;
    if (channels !== "wecom") {
      const notice = await campusNotice(tx, appointId, touser, result, at, details);
      if (notice) campus = { topic: "campus.call", orderingKey: `campus-notice:${appointId}`, payload: { op: "notice", appointmentId: appointId, notice } };
      // A person the platform cannot be addressed for still hears from us, by WeCom.
      else wecom = true;
    }
    if (wecom) {
      messages.push({
        topic: "wecom.message",
        orderingKey: `appointment:${appointId}`,
        payload: { touser, content: formatReviewMessage(appointId, result, at, details.title) },
      });
    }
    if (campus) messages.push(campus);
  }
  await enqueue(tx, messages);
}

async function campusNotice(tx: Tx, appointId: number, touser: string, result: string, at: Date, details: BookerNoticeDetails) {
  const facts = await loadBookingFacts(tx, appointId);
  const userName = await campusUserName(tx, touser);
  if (!facts || !userName) {
    console.warn(`[meeting] no campus notice for booking ${appointId}: ${facts ? `no platform userName for ${touser}` : "booking not found"}`);
    return null;
  }
  const [profile] = await tx.select({ id: campusProfiles.platformUserId }).from(campusProfiles).where(eq(campusProfiles.userId, facts.userId));
  const until = new Date(Math.max(facts.endsAt.getTime(), at.getTime() + 86_400_000));
  const channelCodes = campusConfig().noticeChannels.join(",");
  return {
    userName,
    title: details.title ?? (details.kind === "reminder" ? "会议即将开始" : "会议室预约结果通知"),
    content: [
      `会议室：${facts.place}`,
      `时间：${bookingPeriod(facts)}`,
      facts.purpose ? `用途：${facts.purpose}` : null,
      `预约号：${appointId}`,
      `结果：${result.replace(/\n+/g, "；")}`,
      `详情：${bookingLink(appointId)}`,
    ]
      .filter(Boolean)
      .join("\n"),
    availableTimeStart: platformDate(at),
    availableTimeEnd: platformDate(until),
    ...(profile?.id ? { userIds: String(profile.id) } : {}),
    ...(channelCodes ? { channelCodes } : {}),
  };
}
