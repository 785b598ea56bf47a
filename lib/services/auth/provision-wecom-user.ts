import "server-only";
import { eq, sql } from "drizzle-orm";
import { getMember, type WecomMember } from "@/lib/clients/wecom/get-member";
import { WecomError } from "@/lib/clients/wecom/errors";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import type { TokenUser } from "@/lib/auth/identity";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { refreshCampusProfile } from "@/lib/services/campus/profile";

/** legacy §7.5: a 10-character userid is a student number. */
export const roleForUserid = (userid: string) => (userid.length === 10 ? 1 : 2);

const fits = (v: string | undefined, max: number) => (v !== undefined && v.length <= max ? v : undefined);

/**
 * The app's user for a WeCom member who just proved who they are: created from user/get on first sign-in (any of
 * mobile, email, avatar, gender may be missing), name and departments refreshed on later ones. A user/get failure
 * refuses a first sign-in (1001) but only skips the refresh for a known user. With the campus platform on, the
 * person's platform profile (nick, sex, phone when ours is empty, departments, role keys) is refreshed too; the
 * platform failing or being slow (bounded by its client's timeout) never refuses the sign-in.
 */
export async function provisionWecomUser(userid: string): Promise<TokenUser> {
  const db = await getDb();
  const [existing] = await db.select().from(users).where(sql`lower(${users.userid}) = lower(${userid})`);
  // Removed (Open API user/remove) or disabled (status 0) users cannot sign in, whatever WeCom says.
  if (existing && (existing.removedAt || existing.status !== 1)) throw new AppError(3002);

  let member: WecomMember | null = null;
  try {
    member = await getMember(userid);
  } catch (e) {
    if (!(e instanceof WecomError)) throw e;
    console.warn(`[meeting] WeCom user/get ${userid} failed: ${e.message}`);
    if (!existing) throw new AppError(1001);
  }

  if (existing) {
    if (member) {
      const name = (member.name ?? existing.name).slice(0, 64);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ name, departmentIds: member.department, updatedAt: new Date() }).where(eq(users.id, existing.id));
        // Open API subscribers see users by name; WeCom department ids are not part of the Open API user.
        if (name !== existing.name) await emitOpenEvent(tx, "user_update", [existing.id]);
      });
    }
    await refreshCampusProfile(existing.id, existing.userid, member ?? undefined);
    return { id: existing.id, userid: existing.userid };
  }

  const m = member!;
  const [created] = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(users)
      .values({
        userid,
        name: (m.name ?? userid).slice(0, 64),
        role: roleForUserid(userid),
        avatar: fits(m.avatar, 1024) ?? "",
        gender: m.gender,
        phone: fits(m.mobile, 20) ?? null,
        email: m.email && m.email.includes("@") ? (fits(m.email, 254) ?? null) : null,
        departmentIds: m.department,
      })
      .onConflictDoNothing()
      .returning({ id: users.id, userid: users.userid });
    if (rows[0]) {
      await emitOpenEvent(tx, "user_add", [rows[0].id]);
      await recordAudit(tx, {
        action: "user.created",
        objectKind: "user",
        objectId: rows[0].id,
        actor: { kind: "user", id: rows[0].id, name: (m.name ?? userid).slice(0, 64) },
        after: { userid, name: (m.name ?? userid).slice(0, 64), departments: m.department, firstSignIn: true },
      });
    }
    return rows;
  });
  if (created) {
    await refreshCampusProfile(created.id, created.userid, m);
    return created;
  }
  // Lost a race with a concurrent first sign-in of the same person.
  const [winner] = await db.select({ id: users.id, userid: users.userid }).from(users).where(sql`lower(${users.userid}) = lower(${userid})`);
  if (!winner) throw new AppError(1001);
  return winner;
}
