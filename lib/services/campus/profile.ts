import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDeptRoles, getUserInfo, type CampusRole } from "@/lib/clients/campus/api";
import { campusEnabled } from "@/lib/clients/campus/config";
import { CampusError } from "@/lib/clients/campus/errors";
import { getDb } from "@/lib/db";
import { campusProfiles, users } from "@/lib/db/schema";
import { tracked } from "./family-status";
import { campusUserName } from "./user-name";

// A person's platform profile, read at WeCom sign-in (issue 12 §3): user/userinfo and user/deptRoles by 工号, in
// parallel, each bounded by the client's timeout. What we keep: nick, sex, the phone when ours is empty, departments
// and role keys. The platform being down or slow never stops a sign-in: the person signs in with what we have.

export interface PlatformPerson {
  userName: string;
  roleKeys: string[];
}

/** Reads the platform's view of a person (no database writes): null when the platform has no such userName. */
export async function readPlatformPerson(userName: string) {
  const [info, deptRoles] = await tracked("people", () => Promise.all([getUserInfo(userName), getDeptRoles(userName)]));
  const roles: CampusRole[] = [...info.roles, ...deptRoles];
  const roleKeys = [...new Set(roles.map((r) => r.code).filter(Boolean))].sort();
  const depts = [...new Map(roles.filter((r) => r.deptId !== null).map((r) => [r.deptId, { id: r.deptId, name: r.deptName }])).values()];
  return { info, roleKeys, depts };
}

/**
 * Refreshes the stored platform profile of a user who just signed in. Returns the role keys, or null when the
 * integration is off or the platform could not answer (the failure is logged and shown on the console page).
 */
export async function refreshCampusProfile(
  userId: number,
  userid: string,
  member?: { mobile?: string | null; email?: string | null },
  now = new Date(),
): Promise<PlatformPerson | null> {
  if (!campusEnabled()) return null;
  const db = await getDb();
  const userName = await campusUserName(db, userid, member);
  if (!userName) return null;
  let person;
  try {
    person = await readPlatformPerson(userName);
  } catch (e) {
    if (!(e instanceof CampusError)) throw e;
    console.warn(`[meeting] campus profile of ${userName} not refreshed: ${e.message}`);
    return null;
  }
  const { info, roleKeys, depts } = person;
  const phone = /^[0-9+\- ]{3,20}$/.test(info.phone) ? info.phone : "";
  await db.transaction(async (tx) => {
    const values = {
      userName,
      platformUserId: info.userId,
      nick: info.nick.slice(0, 64),
      sex: info.sex,
      phone,
      roleKeys,
      depts,
      fetchedAt: now,
    };
    await tx.insert(campusProfiles).values({ userId, ...values }).onConflictDoUpdate({ target: campusProfiles.userId, set: values });
    // Only fills gaps: what the person or WeCom told us wins.
    if (phone) await tx.update(users).set({ phone, updatedAt: now }).where(and(eq(users.id, userId), sql`coalesce(${users.phone}, '') = ''`));
    if (info.sex) await tx.update(users).set({ gender: info.sex, updatedAt: now }).where(and(eq(users.id, userId), eq(users.gender, 0)));
  });
  return { userName, roleKeys };
}
