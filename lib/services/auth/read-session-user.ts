import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";

/**
 * The user a session token names, as the database knows them now: null when they were removed (Open API
 * user/remove) or disabled (status 0) since signing in, or when the token's WeCom userid no longer matches the row.
 */
export async function readSessionUser(id: number, userid: string): Promise<SessionUser | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, userid: users.userid, status: users.status, name: users.name })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.removedAt)));
  if (!row || row.status !== 1 || row.userid.toLowerCase() !== userid.toLowerCase()) return null;
  return { id: row.id, userid: row.userid, name: row.name };
}
