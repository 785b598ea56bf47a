import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import { AppError, badInput } from "@/lib/errors";
import type { SessionAdmin } from "@/lib/auth/session";
import { toAdminRow, type AdminRow } from "./to-admin-row";

/** One admin, for the edit form: a super admin may read any row, an admin only their own. */
export async function getAdmin(actor: SessionAdmin | null, id: number): Promise<AdminRow> {
  if (!actor) throw new AppError(1005);
  if (!actor.privileged && actor.id !== id) throw new AppError(1006);
  const db = await getDb();
  const [row] = await db.select().from(admins).where(eq(admins.id, id));
  if (!row) throw badInput("id", `管理员 ${id} 不存在`);
  return toAdminRow(row);
}
