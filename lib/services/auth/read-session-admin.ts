import { eq } from "drizzle-orm";
import type { SessionAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { admins } from "@/lib/db/schema";

/**
 * The admin a session token names, as the database knows it now: null when the admin was deleted or changed
 * password since (session version), rights and name as they are now (a demotion applies at once).
 */
export async function readSessionAdmin(id: number, sessionVersion: number): Promise<SessionAdmin | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: admins.id, username: admins.username, privileged: admins.privileged, sv: admins.sessionVersion })
    .from(admins)
    .where(eq(admins.id, id));
  if (!row || row.sv !== sessionVersion) return null;
  return { id: row.id, username: row.username, privileged: row.privileged };
}
