import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { avatars, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { UpdateProfileInput } from "@/lib/validation/profile";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { changedFields } from "@/lib/services/audit/summaries";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";
import { avatarIdOf, avatarUrl } from "./avatar-url";
import { toProfile, type Profile } from "./to-profile";

/**
 * Edits the caller's own profile and returns it re-read. The avatar changes only to an avatar this user uploaded
 * here; any other value keeps the current one without an error: the legacy profile page posts its `<img>` src back
 * with every save (the default avatar's URL, or the page's own URL when the image was empty), and an arbitrary URL
 * must never be stored (it is rendered in the admin console: legacy stored XSS / host injection).
 */
export async function updateProfile(userId: number, input: UpdateProfileInput): Promise<Profile> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!current) throw new AppError(2002);

    let avatar = current.avatar;
    if (input.avatar && input.avatar !== current.avatar) {
      const id = avatarIdOf(input.avatar);
      const [own] = id
        ? await tx.select({ id: avatars.id }).from(avatars).where(and(eq(avatars.id, id), eq(avatars.userId, userId)))
        : [];
      if (own) avatar = avatarUrl(own.id);
    }

    const [row] = await tx
      .update(users)
      .set({
        avatar,
        gender: input.gender ?? current.gender,
        age: input.age ?? current.age,
        phone: input.phone === undefined ? current.phone : input.phone || null,
        email: input.email === undefined ? current.email : input.email || null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning();
    if (!row) throw new AppError(2002);
    await emitOpenEvent(tx, "user_update", [row.id]);
    const fields = (u: typeof row) => ({ avatar: u.avatar, gender: u.gender, age: u.age, phone: u.phone, email: u.email });
    // A save that changes nothing (the legacy page posts every field back) is not an event of the audit trail.
    const changed = changedFields(fields(current), fields(row));
    if (Object.keys(changed.after).length > 0) await recordAudit(tx, { action: "profile.updated", objectKind: "user", objectId: row.id, ...changed });
    return toProfile(row);
  });
}
