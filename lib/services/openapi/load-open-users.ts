import "server-only";
import { and, asc, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db";
import { users } from "@/lib/db/schema";

export type OpenUser = ReturnType<typeof toOpenUser>;

export function toOpenUser(u: typeof users.$inferSelect) {
  return {
    id: String(u.id),
    name: u.name,
    account: u.userid,
    phone: u.phone ?? "",
    faceUrl: u.faceUrl,
    position: u.position,
    email: u.email ?? "",
    status: u.status,
    memo: u.memo,
    createdTime: u.createdAt.getTime(),
    departmentId: u.departmentId ?? "",
    // The seed's responses say `admin`, its tables and events `isAdmin`: both are sent.
    admin: u.isAdmin,
    isAdmin: u.isAdmin,
  };
}

/** Users as the Open API shows them (removed ones excluded), by id order; all of them when `ids` is absent. */
export async function loadOpenUsers(db: Db | Tx, ids?: number[]): Promise<OpenUser[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select()
    .from(users)
    .where(and(isNull(users.removedAt), ids ? inArray(users.id, ids) : undefined))
    .orderBy(asc(users.id));
  return rows.map(toOpenUser);
}
