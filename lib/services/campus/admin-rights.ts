import "server-only";
import { eq, sql } from "drizzle-orm";
import { campusConfig, campusEnabled } from "@/lib/clients/campus/config";
import { CampusError } from "@/lib/clients/campus/errors";
import { getDb } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { readPlatformPerson } from "./profile";
import { campusUserName } from "./user-name";

// Console rights from platform roles (issue 12 §4). A person whose platform role keys include one of
// CAMPUS_SUPER_ROLE_KEYS / CAMPUS_ADMIN_ROLE_KEYS signs in to the console by WeCom QR without a local password; the
// admins row is created with rights_source = 'campus'. The platform is asked again at every sign-in and, for a
// running session, whenever the last answer is older than CAMPUS_ROLE_CACHE_SECONDS: a role taken away on the
// platform is taken away here (the row is removed). If the platform cannot answer once the cache has run out the
// session is refused (fail closed); local admins (rights_source = 'local') never depend on the platform.

export type CampusRights = "super" | "admin" | null;

export function rightsFromKeys(keys: string[]): CampusRights {
  const { superRoleKeys, adminRoleKeys } = campusConfig();
  if (keys.some((k) => superRoleKeys.includes(k))) return "super";
  if (keys.some((k) => adminRoleKeys.includes(k))) return "admin";
  return null;
}

type AdminRow = typeof admins.$inferSelect;

/** The platform's current answer for a WeCom userid: rights, or `unknown` when it could not answer. */
async function platformRights(userid: string): Promise<CampusRights | "unknown"> {
  const db = await getDb();
  const userName = await campusUserName(db, userid);
  if (!userName) return null;
  try {
    return rightsFromKeys((await readPlatformPerson(userName)).roleKeys);
  } catch (e) {
    if (e instanceof CampusError && e.kind === "refused" && /不存在/.test(e.platformMessage ?? "")) return null;
    if (e instanceof CampusError) return "unknown";
    throw e;
  }
}

/**
 * Applies the platform's answer to the campus admin `userid` (row = its current admins row, if any): creates,
 * updates or removes the row. Returns the row when the person has console rights now, else null.
 */
export async function resolveCampusAdmin(userid: string, row: AdminRow | undefined, now = new Date()): Promise<AdminRow | null> {
  if (!campusEnabled()) return null;
  if (row && row.rightsSource !== "campus") return row;
  const rights = await platformRights(userid);
  const db = await getDb();
  if (rights === "unknown") {
    const fresh = row?.campusCheckedAt && now.getTime() - row.campusCheckedAt.getTime() < campusConfig().roleCacheMs;
    return fresh ? row! : null;
  }
  if (rights === null) {
    if (row) {
      await db.transaction(async (tx) => {
        const gone = await tx.delete(admins).where(eq(admins.id, row.id)).returning({ id: admins.id });
        if (gone.length) {
          await recordAudit(tx, {
            action: "admin.campus_revoked",
            objectKind: "admin",
            objectId: row.id,
            before: { username: row.username, privileged: row.privileged, source: "campus" },
            actor: { kind: "system", id: null, name: "校园平台" },
          });
        }
      });
    }
    return null;
  }
  const privileged = rights === "super";
  return db.transaction(async (tx) => {
    if (row) {
      const [updated] = await tx.update(admins).set({ privileged, campusCheckedAt: now, updatedAt: now }).where(eq(admins.id, row.id)).returning();
      if (updated && updated.privileged !== row.privileged) {
        await recordAudit(tx, {
          action: "admin.campus_rights_changed",
          objectKind: "admin",
          objectId: row.id,
          before: { privileged: row.privileged },
          after: { privileged },
          actor: { kind: "system", id: null, name: "校园平台" },
        });
      }
      return updated ?? null;
    }
    const [created] = await tx
      .insert(admins)
      .values({ username: userid.slice(0, 64), passwordHash: null, privileged, rightsSource: "campus", campusCheckedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      // A local admin of that name appeared meanwhile (or a concurrent sign-in created the row): use what is there.
      const [existing] = await tx.select().from(admins).where(sql`lower(${admins.username}) = lower(${userid})`);
      return existing ?? null;
    }
    await recordAudit(tx, {
      action: "admin.campus_granted",
      objectKind: "admin",
      objectId: created.id,
      after: { username: created.username, privileged, source: "campus" },
      actor: { kind: "system", id: null, name: "校园平台" },
    });
    return created;
  });
}

/** A running session of a campus admin: the row as trusted now (re-asking the platform when the cache ran out), or null. */
export async function recheckCampusAdmin(row: AdminRow, now = new Date()): Promise<AdminRow | null> {
  if (row.rightsSource !== "campus") return row;
  if (!campusEnabled()) return null;
  if (row.campusCheckedAt && now.getTime() - row.campusCheckedAt.getTime() < campusConfig().roleCacheMs) return row;
  return resolveCampusAdmin(row.username, row, now);
}
