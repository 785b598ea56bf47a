import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, notInArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { avatars, users } from "@/lib/db/schema";
import { AppError, badInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { reencodeAvatar } from "@/lib/images/reencode-avatar";
import { avatarIdOf, avatarUrl } from "./avatar-url";

export const AVATAR_MAX_BYTES = 3 * 1024 * 1024;
/** Uploads kept per user besides the one in use: enough for a few tries, not a free file store. */
export const AVATARS_KEPT = 5;

/**
 * Stores a new avatar for the user and returns its public URL. Like the legacy upload it does not change the
 * profile: the client then sends the URL with POST /profile. Older unused uploads of the user are dropped.
 */
export async function uploadAvatar(userId: number, file: { bytes: Buffer }): Promise<string> {
  if (file.bytes.length > AVATAR_MAX_BYTES) throw badInput("upload", "图片大小不能超过3MB");
  if (file.bytes.length === 0) throw new AppError(4001);
  const encoded = await reencodeAvatar(file.bytes).catch(() => {
    throw new AppError(4001);
  });
  const id = randomBytes(16).toString("hex");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ avatar: users.avatar }).from(users).where(eq(users.id, userId));
    if (!user) throw new AppError(2001);
    await tx.insert(avatars).values({ id, userId, contentType: encoded.contentType, data: encoded.data });
    const recent = await tx
      .select({ id: avatars.id })
      .from(avatars)
      .where(eq(avatars.userId, userId))
      .orderBy(desc(avatars.createdAt), desc(avatars.id))
      .limit(AVATARS_KEPT);
    const keep = [...recent.map((r) => r.id), id, avatarIdOf(user.avatar)].filter((x): x is string => !!x);
    await tx.delete(avatars).where(and(eq(avatars.userId, userId), notInArray(avatars.id, keep)));
    await recordAudit(tx, {
      action: "profile.avatar_uploaded",
      objectKind: "user",
      objectId: userId,
      after: { avatar: avatarUrl(id), contentType: encoded.contentType, bytes: encoded.data.length },
    });
  });
  return avatarUrl(id);
}
