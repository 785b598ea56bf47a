import { getDb } from "@/lib/db";
import { loadOpenRooms } from "@/lib/services/openapi/load-open-rooms";

export async function listOpenRooms() {
  return loadOpenRooms(await getDb());
}
