import "server-only";
import { count, eq, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { SessionAdmin } from "@/lib/auth/session";

// Admin changes are serialised by one transaction-scoped advisory lock: without it two super admins deleting or
// demoting each other at the same moment could both pass the "another super admin remains" check.
const ADMIN_LOCK = 72430010;

export const LAST_SUPER_ADMIN = "管理员权限不足：不能删除或降级最后一名超级管理员";

export function requireSuper(actor: SessionAdmin | null): asserts actor is SessionAdmin {
  if (!actor) throw new AppError(1005);
  if (!actor.privileged) throw new AppError(1006);
}

/** Takes the admin lock and re-reads the caller under it (a caller deleted or demoted meanwhile loses its rights). */
export async function lockAdminsFor(tx: Tx, actor: SessionAdmin) {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_LOCK})`);
  const [row] = await tx.select().from(admins).where(eq(admins.id, actor.id));
  if (!row) throw new AppError(1005);
  return row;
}

/** Refuses (rolling the transaction back) a change that left no super admin. */
export async function assertSuperAdminRemains(tx: Tx) {
  const [{ n }] = await tx.select({ n: count() }).from(admins).where(eq(admins.privileged, true));
  if (n < 1) throw new AppError(1006, LAST_SUPER_ADMIN);
}
