import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rooms } from "@/lib/db/schema";
import { badInput } from "@/lib/errors";
import { toRoom, type RoomView } from "./to-room";

/** One room, open or closed (public, as the legacy room page); 4002 naming it when unknown. */
export async function getRoom(roomId: number): Promise<RoomView> {
  const db = await getDb();
  const [row] = await db.select().from(rooms).where(eq(rooms.id, roomId));
  if (!row) throw badInput("roomId", `会议室 ${roomId} 不存在`);
  return toRoom(row);
}
