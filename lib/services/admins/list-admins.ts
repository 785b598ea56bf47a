import "server-only";
import { asc, count } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { admins } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { SessionAdmin } from "@/lib/auth/session";
import { pageWindow, type PagingInput } from "@/lib/validation/paging";
import { toAdminRow, type AdminRow } from "./to-admin-row";

/** Every admin by id (any admin may list them; no password or hash is ever included). */
export async function listAdmins(actor: SessionAdmin | null, input: PagingInput): Promise<{ count: number; rows: AdminRow[] }> {
  if (!actor) throw new AppError(1005);
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(admins);
  const win = pageWindow(n, input);
  let query = db.select().from(admins).orderBy(asc(admins.id)).offset(win.offset).$dynamic();
  if (win.limit !== null) query = query.limit(win.limit);
  return { count: n, rows: (await query).map(toAdminRow) };
}
