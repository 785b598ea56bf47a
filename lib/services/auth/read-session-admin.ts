import "server-only";
import { eq } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import { recheckCampusAdmin } from "@/lib/services/campus/admin-rights";

/**
 * The admin a session token names, as the database knows it now: null when the admin was deleted or changed
 * password since (session version), rights and name as they are now (a demotion applies at once). Campus admins
 * (rights from platform roles) are re-confirmed with the platform once their role cache has run out.
 */
export async function readSessionAdmin(id: number, sessionVersion: number, now = new Date()): Promise<SessionAdmin | null> {
  const db = await getDb();
  const [found] = await db.select().from(admins).where(eq(admins.id, id));
  if (!found || found.sessionVersion !== sessionVersion) return null;
  const row = await recheckCampusAdmin(found, now);
  if (!row) return null;
  return { id: row.id, username: row.username, privileged: row.privileged };
}
