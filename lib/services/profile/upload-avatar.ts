import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { avatars } from "@/lib/db/schema";
import { AppError, badInput } from "@/lib/errors";
import { reencodeAvatar } from "@/lib/images/reencode-avatar";
import { avatarUrl } from "./avatar-url";

export const AVATAR_MAX_BYTES = 3 * 1024 * 1024;

/**
 * Stores a new avatar for the user and returns its public URL. Like the legacy upload it does not change the
 * profile: the client then sends the URL with POST /profile.
 */
export async function uploadAvatar(userId: number, file: { bytes: Buffer }): Promise<string> {
  if (file.bytes.length > AVATAR_MAX_BYTES) throw badInput("upload", "图片大小不能超过3MB");
  if (file.bytes.length === 0) throw new AppError(4001);
  const encoded = await reencodeAvatar(file.bytes).catch(() => {
    throw new AppError(4001);
  });
  const id = randomBytes(16).toString("hex");
  const db = await getDb();
  await db.insert(avatars).values({ id, userId, contentType: encoded.contentType, data: encoded.data });
  return avatarUrl(id);
}
