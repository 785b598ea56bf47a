import "server-only";
import { z } from "zod";
import { postOperlog, pushNotice } from "@/lib/clients/campus/api";
import { campusEnabled } from "@/lib/clients/campus/config";
import { CampusError } from "@/lib/clients/campus/errors";
import { reconcileCalendarEntry } from "@/lib/services/campus/calendar";
import { recordFamily, type Family } from "@/lib/services/campus/family-status";
import type { DeliveryOutcome, OutboxHandler } from "./types";

// Topic `campus.call`: one call to the campus platform's API center, written in the changing transaction:
//   notice   — notice/push to a booker (review decisions, cancellations, reminders), payload = the request body
//   operlog  — POST /operlog mirroring one audit_log row
//   calendar — bring the booking's 日程 entry in line with the booking as it is now (create / update / delete)
// The outbox claims each message once at a time and marks it delivered once, so a notice is pushed once even with
// several servers delivering at the same moment; failures are retried with the engine's back-off.

const notice = z.object({
  op: z.literal("notice"),
  appointmentId: z.number().int().optional(),
  notice: z.object({
    userName: z.string().min(1),
    title: z.string().min(1),
    content: z.string().min(1),
    availableTimeStart: z.string(),
    availableTimeEnd: z.string(),
    userIds: z.string().optional(),
    channelCodes: z.string().optional(),
  }),
});
const operlog = z.object({ op: z.literal("operlog"), auditId: z.number().int().optional(), log: z.record(z.string(), z.unknown()) });
const calendar = z.object({ op: z.literal("calendar"), appointmentId: z.number().int() });
export const campusCallPayload = z.discriminatedUnion("op", [notice, operlog, calendar]);
export type CampusCallPayload = z.infer<typeof campusCallPayload>;

const FAMILY: Record<CampusCallPayload["op"], Family> = { notice: "notices", operlog: "operlog", calendar: "calendar" };

export const campusCallHandler: OutboxHandler = {
  // One attempt may make a few calls (calendar: list, save, list again), each with the client's 5 s timeout.
  timeoutMs: 25_000,
  maxAttempts: 12,
  async deliver(raw): Promise<DeliveryOutcome> {
    const parsed = campusCallPayload.safeParse(raw);
    if (!parsed.success) return { ok: false, permanent: true, error: `malformed campus.call payload: ${parsed.error.message}` };
    // Switched off since the message was written: nothing to send to, and nothing will ever be.
    if (!campusEnabled()) return { ok: false, permanent: true, error: "the campus platform integration is off (CAMPUS_API_BASE unset)" };
    const p = parsed.data;
    const family = FAMILY[p.op];
    try {
      if (p.op === "notice") await pushNotice(p.notice);
      else if (p.op === "operlog") await postOperlog(p.log as unknown as Parameters<typeof postOperlog>[0]);
      else await reconcileCalendarEntry(p.appointmentId);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      await recordFamily(family, { ok: false, error });
      if (e instanceof CampusError) return { ok: false, error };
      throw e;
    }
    await recordFamily(family, { ok: true });
    return { ok: true };
  },
};
