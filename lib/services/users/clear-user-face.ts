import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { emitOpenEvent } from "@/lib/services/openapi/emit-open-event";

export async function clearUserFace(id: number) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ faceUrl: "", updatedAt: new Date() })
      .where(and(eq(users.id, id), isNull(users.removedAt)))
      .returning({ id: users.id });
    if (!row) throw notFound("userId", "用户");
    await emitOpenEvent(tx, "user_update", [id]);
    await recordAudit(tx, { action: "user.face_cleared", objectKind: "user", objectId: id, after: { faceUrl: "" } });
  });
}
