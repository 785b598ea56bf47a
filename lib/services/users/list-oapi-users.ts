import "server-only";
import { getDb } from "@/lib/db";
import { loadOpenUsers } from "@/lib/services/openapi/load-open-users";

export async function listOapiUsers() {
  return loadOpenUsers(await getDb());
}
