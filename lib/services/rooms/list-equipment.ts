import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/lib/db";
import { settings } from "@/lib/db/schema";
import { BASE_EQUIPMENT } from "@/lib/domain/equipment";

/** Every equipment name an admin may give a room: the base list, then the admin's own (settings.extra_equipment). */
export async function listEquipment(executor?: Db | Tx): Promise<string[]> {
  const db = executor ?? (await getDb());
  const [row] = await db.select({ extra: settings.extraEquipment }).from(settings).where(eq(settings.id, 1));
  return [...new Set([...BASE_EQUIPMENT, ...(row?.extra ?? [])])];
}
