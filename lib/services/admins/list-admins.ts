import "server-only";
import { asc, count } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import type { SessionAdmin } from "@/lib/auth/identity";
import { pageWindow, type PagingInput } from "@/lib/validation/paging";
import { toAdminRow, type AdminRow } from "./to-admin-row";
import { requireAdmin } from "@/lib/services/authz";

/** Every admin by id (any admin may list them; no password or hash is ever included). */
export async function listAdmins(actor: SessionAdmin, input: PagingInput): Promise<{ count: number; rows: AdminRow[] }> {
  requireAdmin(actor);
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(admins);
  const win = pageWindow(n, input);
  let query = db.select().from(admins).orderBy(asc(admins.id)).offset(win.offset).$dynamic();
  if (win.limit !== null) query = query.limit(win.limit);
  return { count: n, rows: (await query).map(toAdminRow) };
}
