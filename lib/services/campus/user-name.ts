import "server-only";
import { sql } from "drizzle-orm";
import { campusConfig } from "@/lib/clients/campus/config";
import type { Db, Tx } from "@/lib/db";
import { users } from "@/lib/db/schema";

/**
 * The platform's userName (工号) of a WeCom userid (CAMPUS_USERNAME_FROM): the userid itself by default, or a field of
 * the member we keep (mobile, email, the part of the email before @). Null when that field is unknown.
 */
export async function campusUserName(db: Db | Tx, userid: string, member?: { mobile?: string | null; email?: string | null }): Promise<string | null> {
  const from = campusConfig().usernameFrom;
  if (from === "userid") return userid;
  let mobile = member?.mobile ?? null;
  let email = member?.email ?? null;
  if (!member) {
    const [u] = await db.select({ phone: users.phone, email: users.email }).from(users).where(sql`lower(${users.userid}) = lower(${userid})`);
    mobile = u?.phone ?? null;
    email = u?.email ?? null;
  }
  if (from === "mobile") return mobile || null;
  if (from === "email") return email || null;
  return email && email.includes("@") ? email.slice(0, email.indexOf("@")) : null;
}
