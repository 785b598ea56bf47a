import "server-only";
import { asc, count, ilike, or, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { SessionAdmin } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/time";
import { pageWindow, type PagingInput } from "@/lib/validation/paging";
import { toProfile, type Profile } from "./to-profile";

export type UserInfoItem = Profile & { createTime: string };

/** Every WeCom user, by id, one page at a time; `q` narrows by userid, name, phone or email (admin console). */
export async function listProfiles(
  actor: SessionAdmin | null,
  input: PagingInput & { q?: string },
): Promise<{ count: number; rows: UserInfoItem[] }> {
  if (!actor) throw new AppError(1005);
  const db = await getDb();
  let where: SQL | undefined;
  const q = input.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where = or(ilike(users.userid, pattern), ilike(users.name, pattern), ilike(users.phone, pattern), ilike(users.email, pattern));
  }
  const [{ n }] = await db.select({ n: count() }).from(users).where(where);
  const win = pageWindow(n, input);
  let query = db.select().from(users).where(where).orderBy(asc(users.id)).offset(win.offset).$dynamic();
  if (win.limit !== null) query = query.limit(win.limit);
  const rows = await query;
  return { count: n, rows: rows.map((u) => ({ ...toProfile(u), createTime: formatDateTime(u.createdAt) })) };
}
