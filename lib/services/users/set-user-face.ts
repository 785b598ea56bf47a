import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import sharp from "sharp";
import { getDb } from "@/lib/db";
import { avatars, users } from "@/lib/db/schema";
import { badInput, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { reencodeFace } from "@/lib/images/reencode-face";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { loadOpenUsers } from "@/lib/services/openapi/load-open-users";
import { avatarUrl } from "@/lib/services/profile/avatar-url";

const MIN_BYTES = 200 * 1024;
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Open API user/updateFace: a JPEG or PNG (recognised by content), 200 KB–5 MB, at most 1920×1080, stored in the
 * database like avatars and served from /meeting/avatar/{id}, re-encoded like them (a fresh JPEG, EXIF and other
 * metadata stripped). Whether it shows a frontal face is not checked here.
 */
export async function setUserFace(id: number, file: { bytes: Buffer }) {
  const { bytes } = file;
  if (bytes.length < MIN_BYTES) throw badInput("file", "图片不能小于200KB");
  if (bytes.length > MAX_BYTES) throw badInput("file", "图片不能大于5MB");
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => null);
  if (!meta || (meta.format !== "jpeg" && meta.format !== "png")) throw badInput("file", "只支持jpg或png图片");
  const [w, h] = [meta.width ?? 0, meta.height ?? 0];
  if (Math.max(w, h) > 1920 || Math.min(w, h) > 1080) throw badInput("file", "分辨率不能超过1920×1080");

  const face = await reencodeFace(bytes).catch(() => {
    throw badInput("file", "图片无法解码");
  });

  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(and(eq(users.id, id), isNull(users.removedAt))).for("update");
    if (!current) throw notFound("userId", "用户");
    const avatarId = randomBytes(16).toString("hex");
    await tx.insert(avatars).values({ id: avatarId, userId: id, contentType: face.contentType, data: face.data });
    await tx
      .update(users)
      .set({ faceUrl: avatarUrl(avatarId), updatedAt: new Date() })
      .where(eq(users.id, id));
    await emitOpenEvent(tx, "user_update", [id]);
    await recordAudit(tx, {
      action: "user.face_set",
      objectKind: "user",
      objectId: id,
      before: { faceUrl: current.faceUrl },
      after: { faceUrl: avatarUrl(avatarId), bytes: bytes.length },
    });
    return (await loadOpenUsers(tx, [id]))[0];
  });
}
