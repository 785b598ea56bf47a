import "server-only";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { loadOpenUsers } from "@/lib/services/openapi/load-open-users";

export async function getOapiUser(id: number) {
  const [user] = await loadOpenUsers(await getDb(), [id]);
  if (!user) throw notFound("userId", "用户");
  return user;
}
