import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { TokenUser } from "@/lib/auth/identity";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { DEMO_USERS } from "@/lib/db/seed";
import { env } from "@/lib/env";
import { AppError, badInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";

/** Demo sign-in (DEMO_LOGIN=1 only): become one of the seeded demo users without WeCom. */
export async function signInDemoUser(userid: string): Promise<TokenUser> {
  if (!env().DEMO_LOGIN) throw new AppError(3001);
  if (!DEMO_USERS.some((u) => u.userid === userid)) throw badInput("userid", "不是演示用户");
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, userid: users.userid, status: users.status, removedAt: users.removedAt })
    .from(users)
    .where(sql`${users.userid} = ${userid}`);
  if (!row) throw badInput("userid", "演示用户不存在");
  if (row.removedAt || row.status !== 1) throw new AppError(3002);
  await recordAudit(db, {
    action: "auth.user_signed_in",
    objectKind: "user",
    objectId: row.id,
    actor: { kind: "user", id: row.id, name: null },
    after: { userid: row.userid, method: "demo" },
  });
  return { id: row.id, userid: row.userid };
}

/** The seeded demo users that exist, for the sign-in page (empty unless DEMO_LOGIN=1). */
export async function listDemoUsers(): Promise<{ userid: string; name: string; role: number }[]> {
  if (!env().DEMO_LOGIN) return [];
  const db = await getDb();
  return db
    .select({ userid: users.userid, name: users.name, role: users.role })
    .from(users)
    .where(inArray(users.userid, DEMO_USERS.map((u) => u.userid)))
    .orderBy(users.id);
}
