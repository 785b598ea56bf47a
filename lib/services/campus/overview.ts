import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { listChannels } from "@/lib/clients/campus/api";
import { campusConfig, campusEnabled } from "@/lib/clients/campus/config";
import { CampusError } from "@/lib/clients/campus/errors";
import type { SessionAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { campusStatus, jobState, outbox, settings } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { noticeChannels, type NoticeChannels } from "@/lib/services/review/notify-booker";
import { formatDateTime } from "@/lib/time";
import { FAMILIES, recordFamily } from "./family-status";
import { listCampusFiles } from "./files";
import { DEPT_SYNC_JOB } from "./sync-departments";

// The console page 校园平台 (super admins): is the integration on, does the platform answer, how each family fared
// lately, what is waiting or gave up, and the notice channel setting.

function requireSuper(actor: SessionAdmin | null) {
  if (!actor) throw new AppError(1005);
  if (!actor.privileged) throw new AppError(1006);
}

const OPS = ["notice", "operlog", "calendar"] as const;
const t = (d: Date | null | undefined) => (d ? formatDateTime(d) : null);

export async function getCampusOverview(actor: SessionAdmin | null) {
  requireSuper(actor);
  const db = await getDb();
  const enabled = campusEnabled();
  const cfg = campusConfig();
  const status = await db.select().from(campusStatus);
  const byFamily = new Map(status.map((s) => [s.family, s]));
  const op = sql<string>`${outbox.payload}->>'op'`;
  const counts = await db
    .select({ op, status: outbox.status, n: count() })
    .from(outbox)
    .where(and(eq(outbox.topic, "campus.call"), sql`${outbox.status} in ('pending', 'failed')`))
    .groupBy(op, outbox.status);
  const failed = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.topic, "campus.call"), eq(outbox.status, "failed")))
    .orderBy(desc(outbox.id))
    .limit(20);
  const [dept] = await db.select().from(jobState).where(eq(jobState.name, DEPT_SYNC_JOB));
  return {
    enabled,
    base: enabled ? new URL(cfg.base).host : null,
    noticeChannels: await noticeChannels(db),
    noticeChannelCodes: cfg.noticeChannels,
    adminRoleKeys: cfg.adminRoleKeys,
    superRoleKeys: cfg.superRoleKeys,
    families: FAMILIES.map((f) => {
      const s = byFamily.get(f);
      const ok = s?.lastSuccessAt && (!s.lastFailureAt || s.lastSuccessAt >= s.lastFailureAt);
      return { family: f, lastSuccessAt: t(s?.lastSuccessAt), lastFailureAt: t(s?.lastFailureAt), lastError: s?.lastError ?? null, healthy: s ? Boolean(ok) : null };
    }),
    deliveries: OPS.map((o) => ({
      op: o,
      pending: Number(counts.find((c) => c.op === o && c.status === "pending")?.n ?? 0),
      failed: Number(counts.find((c) => c.op === o && c.status === "failed")?.n ?? 0),
    })),
    failed: failed.map((m) => {
      const p = m.payload as { op?: string; notice?: { title?: string; userName?: string }; appointmentId?: number; log?: { method?: string } };
      return {
        id: m.id,
        op: p.op ?? "?",
        what: p.op === "notice" ? `${p.notice?.title ?? ""} → ${p.notice?.userName ?? ""}` : p.op === "calendar" ? `预约 ${p.appointmentId}` : (p.log?.method ?? ""),
        attempts: m.attempts,
        lastError: m.lastError,
        createdAt: formatDateTime(m.createdAt),
      };
    }),
    departmentSync: dept ? { lastRunAt: t(dept.lastRunAt), report: dept.lastReport } : null,
    files: enabled ? await listCampusFiles(10) : [],
  };
}

/** A cheap read-only call (message/channel/listAll) with the platform's answer. */
export async function checkCampusConnection(actor: SessionAdmin | null) {
  requireSuper(actor);
  if (!campusEnabled()) return { ok: false, ms: 0, message: "未启用：没有设置 CAMPUS_API_BASE", channels: [] };
  const t0 = Date.now();
  try {
    const channels = await listChannels();
    await recordFamily("people", { ok: true });
    return { ok: true, ms: Date.now() - t0, message: `连接正常，平台返回 ${channels.length} 个消息渠道`, channels };
  } catch (e) {
    const message = e instanceof CampusError ? (e.platformMessage ?? e.message) : (e as Error).message;
    return { ok: false, ms: Date.now() - t0, message, channels: [] };
  }
}

/** The console setting: where booker notices go while the platform is on. */
export async function setNoticeChannels(actor: SessionAdmin | null, value: NoticeChannels) {
  requireSuper(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ c: settings.noticeChannels }).from(settings).where(eq(settings.id, 1));
    await tx.update(settings).set({ noticeChannels: value }).where(eq(settings.id, 1));
    if (before?.c !== value) {
      await recordAudit(tx, {
        action: "settings.notice_channels_changed",
        objectKind: "settings",
        objectId: 1,
        before: { noticeChannels: before?.c },
        after: { noticeChannels: value },
        actor: { kind: "admin", id: actor!.id, name: actor!.username },
      });
    }
  });
  return { noticeChannels: value };
}
