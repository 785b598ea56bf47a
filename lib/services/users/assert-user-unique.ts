import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db";
import { departments, users } from "@/lib/db/schema";
import { AppError, badInput, notFound } from "@/lib/errors";

/**
 * Open API uniqueness of account (71006), phone (71007) and email, and the department's existence. Account
 * uniqueness is also a unique index (lower(userid)); phone and email are checked here only, because profiles
 * edited in the pages never had to be unique.
 */
export async function assertUserFields(
  tx: Tx,
  selfId: number | null,
  f: { account?: string; phone?: string | null; email?: string | null; departmentId?: string | null },
) {
  const notSelf = selfId === null ? undefined : ne(users.id, selfId);
  if (f.account) {
    const [hit] = await tx.select({ id: users.id }).from(users).where(and(sql`lower(${users.userid}) = lower(${f.account})`, notSelf));
    if (hit) throw new AppError(4006, `账号已被使用(account)`, "account");
  }
  if (f.phone) {
    const [hit] = await tx.select({ id: users.id }).from(users).where(and(eq(users.phone, f.phone), notSelf));
    if (hit) throw new AppError(4007, `手机号已被使用(phone)`, "phone");
  }
  if (f.email) {
    const [hit] = await tx.select({ id: users.id }).from(users).where(and(sql`lower(${users.email}) = lower(${f.email})`, notSelf));
    if (hit) throw badInput("email", "邮箱已被使用");
  }
  if (f.departmentId) {
    const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, f.departmentId));
    if (!d) throw notFound("departmentId", "部门");
  }
}
