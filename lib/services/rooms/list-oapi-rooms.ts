import "server-only";
import { getDb } from "@/lib/db";
import { loadOpenRooms } from "@/lib/services/openapi/load-open-rooms";

export async function listOapiRooms() {
  return loadOpenRooms(await getDb());
}
