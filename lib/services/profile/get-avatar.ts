import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { avatars } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { isAvatarId } from "./avatar-url";

/** A stored avatar (public: avatars are shown to admins and in WeCom). 4040 when unknown. */
export async function getAvatar(id: string): Promise<{ contentType: string; data: Buffer }> {
  if (!isAvatarId(id)) throw new AppError(4040);
  const db = await getDb();
  const [row] = await db.select({ contentType: avatars.contentType, data: avatars.data }).from(avatars).where(eq(avatars.id, id));
  if (!row) throw new AppError(4040);
  return row;
}
