import "server-only";
import { sql } from "drizzle-orm";
import { getUserIdentity } from "@/lib/clients/wecom/get-user-identity";
import { getDb } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import type { TokenAdmin } from "@/lib/auth/identity";
import { AppError, E } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { resolveCampusAdmin } from "@/lib/services/campus/admin-rights";
import { codeExchangeFailure } from "./wecom-failure";
import { adminActor } from "@/lib/request-context";

/**
 * Admin QR sign-in (legacy E20): the admin whose username equals the WeCom userid, compared case-insensitively.
 * With the campus platform on, a person without a local admin row whose platform roles grant console rights gets
 * (or keeps) a campus admin row; campus rights are re-read from the platform at every sign-in.
 * 3001 no code, 3004 code refused or WeCom unavailable, 3002 not a member, 1010 no such admin.
 */
export async function signInAdminByWecom(code: string): Promise<TokenAdmin> {
  if (!code) throw new AppError(E.USER_SIGN_IN_NEEDED);
  let identity;
  try {
    identity = await getUserIdentity(code);
  } catch (e) {
    throw codeExchangeFailure(e, { refused: 3004, unavailable: 3004 });
  }
  if (identity.kind !== "member") throw new AppError(E.NOT_A_MEMBER);
  const db = await getDb();
  const [local] = await db.select().from(admins).where(sql`lower(${admins.username}) = lower(${identity.userid})`);
  const row = local && local.rightsSource === "local" ? local : await resolveCampusAdmin(identity.userid, local);
  if (!row) {
    await recordAudit(db, {
      action: "auth.admin_sign_in_failed",
      objectKind: "admin",
      actor: { kind: "anonymous", id: null, name: identity.userid },
      after: { username: identity.userid, method: "wecom_qr", reason: "not_admin" },
    });
    throw new AppError(E.NOT_AN_ADMIN);
  }
  await recordAudit(db, {
    action: "auth.admin_signed_in",
    objectKind: "admin",
    objectId: row.id,
    actor: adminActor(row),
    after: { method: "wecom_qr" },
  });
  return { id: row.id, username: row.username, privileged: row.privileged, sv: row.sessionVersion };
}
