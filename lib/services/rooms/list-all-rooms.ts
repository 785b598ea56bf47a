import { asc } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import type { SessionAdmin } from "@/lib/auth/session";
import { requireSuper } from "@/lib/services/admins/admin-guards";
import { toRoom, type RoomView } from "./to-room";

/** Every room, closed ones included, by id (room management is for super admins). */
export async function listAllRooms(actor: SessionAdmin | null): Promise<RoomView[]> {
  requireSuper(actor);
  const db = await getDb();
  return (await db.select().from(rooms).orderBy(asc(rooms.id))).map(toRoom);
}
