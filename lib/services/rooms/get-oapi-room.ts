import "server-only";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { loadOpenRooms } from "@/lib/services/openapi/load-open-rooms";

export async function getOapiRoom(id: number) {
  const [room] = await loadOpenRooms(await getDb(), [id]);
  if (!room) throw notFound("roomId", "会议室");
  return room;
}
