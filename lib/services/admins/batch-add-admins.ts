import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getMember } from "@/lib/clients/wecom/get-member";
import { WecomError } from "@/lib/clients/wecom/errors";
import { getDb } from "@/lib/db";
import { admins, users } from "@/lib/db/schema";
import { AppError, badInput } from "@/lib/errors";
import type { SessionAdmin } from "@/lib/auth/session";
import { RESERVED_ADMIN_NAME, type BatchAddAdminsInput } from "@/lib/validation/admin";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { lockAdminsFor, requireSuper } from "./admin-guards";

/**
 * Makes WeCom members admins ("设为管理员" in the user list). They get no password: they sign in by WeCom QR, whose
 * match is admin name = WeCom userid, until someone sets one. Members who never signed in here are looked up in
 * WeCom (`user/get`); only userids WeCom does not know are refused (4002 naming them all) and then nothing is
 * written. WeCom unreachable while a lookup is needed: 1001. An existing admin of that name counts as done and is
 * left unchanged (legacy). `自动审核` is skipped and the answer is then 1011, the legacy "partly failed", while the
 * others are kept.
 */
export async function batchAddAdmins(actor: SessionAdmin | null, input: BatchAddAdminsInput): Promise<{ added: number }> {
  requireSuper(actor);
  const wanted = new Map<string, string>();
  let skipped = 0;
  for (const raw of input.userids) {
    const userid = raw.trim();
    if (userid === RESERVED_ADMIN_NAME) skipped++;
    else if (userid && !wanted.has(userid.toLowerCase())) wanted.set(userid.toLowerCase(), userid);
  }

  const db = await getDb();
  // Our users first; the rest from WeCom (outside the transaction: no lock is held while WeCom answers).
  const known = wanted.size
    ? await db.select({ userid: users.userid }).from(users).where(inArray(sql`lower(${users.userid})`, [...wanted.keys()]))
    : [];
  const names = new Map(known.map((u) => [u.userid.toLowerCase(), u.userid]));
  const unknown: string[] = [];
  for (const [lower, given] of wanted) {
    if (names.has(lower)) continue;
    try {
      const member = await getMember(given);
      names.set(lower, member.userid);
    } catch (e) {
      if (!(e instanceof WecomError)) throw e;
      if (e.kind !== "not-found") {
        console.warn(`[meeting] WeCom user/get ${given} failed: ${e.message}`);
        throw new AppError(1001);
      }
      unknown.push(given);
    }
  }
  if (unknown.length) throw badInput("userids", `未找到企业微信用户 ${unknown.join(", ")}`);

  const added = await db.transaction(async (tx) => {
    const me = await lockAdminsFor(tx, actor);
    if (!me.privileged) throw new AppError(1006);
    if (names.size === 0) return 0;
    const rows = await tx
      .insert(admins)
      .values([...names.values()].map((username) => ({ username, passwordHash: null, privileged: input.privileged })))
      .onConflictDoNothing()
      .returning({ id: admins.id, username: admins.username });
    for (const r of rows) {
      await recordAudit(tx, {
        action: "admin.added",
        objectKind: "admin",
        objectId: r.id,
        after: { username: r.username, privileged: input.privileged, hasPassword: false, batch: true },
      });
    }
    return rows.length;
  });
  if (skipped > 0) throw new AppError(1011);
  return { added };
}
