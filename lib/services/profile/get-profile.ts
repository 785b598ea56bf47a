import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { toProfile, type Profile } from "./to-profile";

/** The signed-in user's profile; 2001 when the row is gone. */
export async function getProfile(userId: number): Promise<Profile> {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) throw new AppError(2001);
  return toProfile(row);
}
